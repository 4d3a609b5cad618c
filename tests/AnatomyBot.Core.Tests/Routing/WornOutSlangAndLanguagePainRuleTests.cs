using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Pain in the languages added to the safety file's <c>pain_terms_other_languages</c> (Polish, Czech, Russian, Hindi and
/// Urdu, Turkish, Indonesian, Tagalog, Swahili, Romanian, Swedish, Finnish and more), and a body part said to be worn out
/// in slang ("my hip flexor is absolutely cooked"), get the disclaimer. The everyday senses of the same words (cooking,
/// a shot of coffee, "I'm fried" about studying) and a worn-out word far from any body part raise none. Phrasings are the
/// lead's own (3 Dec 2026).
/// </summary>
public sealed class WornOutSlangAndLanguagePainRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("boli mnie biodro po treningu, to psoas?")]
    [InlineData("bolí mě kyčel, psoas?")]
    [InlineData("u menya bolit pakh after running, iliopsoas?")]
    [InlineData("у меня болит бедро, psoas?")]
    [InlineData("mujhe kamar mein dard hai, is it the psoas?")]
    [InlineData("kalçam ağrıyor after football, iliopsoas mı?")]
    [InlineData("pinggul saya sakit after running, psoas?")]
    [InlineData("masakit yung hip flexor ko after basketball")]
    [InlineData("nina maumivu ya nyonga, psoas?")]
    [InlineData("mă doare șoldul, e psoasul?")]
    [InlineData("det gör ont i höften when I run, psoas?")]
    [InlineData("lonkkaan sattuu, is it the iliacus?")]
    [InlineData("my hip flexor is absolutely cooked after leg day")]
    [InlineData("psoas totally fried after a long run, what now")]
    [InlineData("my legs are toast after squats, which hip flexor is it")]
    [InlineData("my lower back is shot after deadlifts, is that the psoas?")]
    [InlineData("groin feels properly wrecked after football")]
    [InlineData("how much botox goes into the psoas for spasticity?")]
    // CI's hostile-input proof (3 Dec 2026): a voice-typing join ("illiac psoas" read as "iliopsoas") must not drop the
    // pain phrase "psoas is angry" the student wrote.
    [InlineData("illiac psoas is angry")]
    // The session's review: Turkish and Vietnamese typed without their letters.
    [InlineData("belim agriyor, psoas mi?")]
    [InlineData("hong bi dau, psoas?")]
    [InlineData("is botulinum toxin ever injected into the iliopsoas")]
    public void Pain_in_other_languages_and_worn_out_slang_gets_the_disclaimer(string question) =>
        Assert.NotNull(fixture.Ask(question).Disclaimer);

    [Theory]
    [InlineData("where does the psoas major insert")]
    [InlineData("I cooked dinner and then studied the iliacus, what is its nerve?")]
    [InlineData("my brain is fried from revising, where does the psoas minor attach?")]
    [InlineData("had a shot of espresso, now which nerve supplies the iliacus?")]
    [InlineData("back to the psoas: is the chicken cooked when the thigh meat is white?")]
    [InlineData("what does the iliacus do, a toast to anatomy")]
    // The session's review: gym words for muscular, meat, and Indonesian filler.
    [InlineData("do hanging leg raises get your hip flexors jacked?")]
    [InlineData("how do I get my legs shredded, does training the psoas matter?")]
    [InlineData("chicken thighs are cooked at 75 C, is that the same muscle as the iliacus?")]
    [InlineData("apa yo the insertion of the psoas major?")]
    public void Everyday_senses_of_the_same_words_get_no_disclaimer(string question) =>
        Assert.Null(fixture.Ask(question).Disclaimer);

    [Theory]
    [InlineData("psoas totally fried after leg day, what now", "fried")]
    [InlineData("my hip flexor is absolutely cooked, what do the sources say to do", "cooked")]
    public void A_worn_out_word_is_not_named_as_a_subject_the_sources_do_not_cover(string question, string word) =>
        Assert.DoesNotContain("cover " + word, ReplyText.ToPlainText(fixture.Ask(question)), StringComparison.OrdinalIgnoreCase);
}
