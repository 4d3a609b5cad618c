using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Tests.Text;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("What NERVE supplies the Iliacus?", "what nerve supplies the iliacus")]
    [InlineData("  psoas   major\t\n insertion  ", "psoas major insertion")]
    [InlineData("Psoas Mäjor, ilíacus & ÎLIOPSOAS", "psoas major iliacus iliopsoas")]
    [InlineData("Straße Æsir Øresund", "strasse aesir oresund")]
    [InlineData("<b>psoas</b> <i>minor</i><br/>origin", "psoas minor origin")]
    [InlineData("&lt;psoas&gt; &amp; iliacus&nbsp;origin", "psoas iliacus origin")]
    [InlineData("**psoas** __major__ ~~x~~ `code` ||spoiler||", "psoas major x code spoiler")]
    [InlineData("<@123456789> <@!42> <#99> <@&7> <:psoas:123> psoas", "psoas")]
    [InlineData("@AnatomyBot what is the psoas", "what is the psoas")]
    [InlineData("see [the card](https://example.com/psoas?x=1) now", "see the card now")]
    [InlineData("what's the so-as major's origin?!", "whats the so as major origin")]
    [InlineData("my lower back’s been aching, it's bad", "my lower back been aching its bad")]
    [InlineData("let's see the psoas's nerve; don't stop; who's the sisters' tutor", "lets see the psoas nerve dont stop whos the sisters tutor")]
    [InlineData("the 1990's studies say 's", "the 1990 studies say s")]
    [InlineData("L1-L4 (T12)", "l1 l4 t12")]
    [InlineData("a < b > c", "a b c")]
    public void Folds_case_diacritics_markup_and_punctuation(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Theory]
    [InlineData("psoas\u0000\u0007\u001b[31mmajor", "psoas 31mmajor")]
    [InlineData("psoas\u200Bmajor\u200E\u202Eorigin", "psoasmajororigin")]
    [InlineData("💪 psoas 🦴 major 👍🏽", "psoas major")]
    [InlineData("psoas\uD800major\uDC00", "psoas major")]
    [InlineData("", "")]
    [InlineData("   \t\r\n  ", "")]
    [InlineData("?!...", "")]
    public void Drops_control_characters_emoji_and_lone_surrogates(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Theory]
    [InlineData("ｐｓｏａｓ ｍａｊｏｒ", "psoas major")]
    [InlineData("ＩＬＩＡＣＵＳ origin", "iliacus origin")]
    [InlineData("the ﬁbres of the ｉｌｉａｃｕｓ", "the fibres of the iliacus")]
    [InlineData("Ⓟⓢⓞⓐⓢ minor", "psoas minor")]
    [InlineData("＠everyone iliacus origin", "iliacus origin")]
    [InlineData("psoas\uD800 ｍａｊｏｒ", "psoas major")]
    [InlineData("ｐｓｏａｓ\uFFFE ｍａｊｏｒ\uFFFF", "psoas major")]
    [InlineData("flexor \u0336 /start\uFFFE\uDB0C\uDFE4\uDBD2G ｍａｊｏｒ", "flexor start g major")]
    public void Folds_compatibility_forms_to_plain_letters(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void Keeps_letters_of_other_scripts()
    {
        Assert.Equal("שלום עולם", TextNormalizer.Normalize("שָׁלוֹם, עוֹלָם!"));
        Assert.Equal("مرحبا", TextNormalizer.Normalize("\u200Fمرحبا"));
    }

    [Fact]
    public void Bounds_the_work_on_huge_input()
    {
        var huge = string.Concat(Enumerable.Repeat("psoas ", 10_000));
        var normalized = TextNormalizer.Normalize(huge);
        Assert.True(normalized.Length <= TextNormalizer.MaxRoutingChars);
        Assert.StartsWith("psoas psoas", normalized, StringComparison.Ordinal);
    }

    [Fact]
    public void Never_splits_a_surrogate_pair_at_the_cut()
    {
        var text = new string('a', TextNormalizer.MaxRoutingChars - 1) + "😀 tail";
        var normalized = TextNormalizer.Normalize(text);
        Assert.DoesNotContain(normalized, char.IsSurrogate);
    }

    [Fact]
    public void Is_idempotent()
    {
        foreach (var input in new[] { "Psoas Mäjor <b>origin</b>?", "so-as major", "ILIACUS &amp; psoas" })
        {
            var once = TextNormalizer.Normalize(input);
            Assert.Equal(once, TextNormalizer.Normalize(once));
        }
    }
}
