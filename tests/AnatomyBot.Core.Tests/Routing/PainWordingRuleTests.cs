using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Pain and injury in words the vocabulary once missed: discomfort, "ripped", "messed up", and the common pain words of
/// Spanish, French, German, Portuguese and Italian (answered in English, but with the disclaimer), and everyday idioms
/// (a jab, a knife, an angry or dodgy hip, giving grief, went ping). "tight" alone and English words that look alike
/// (a flu jab, feeling angry, raw size) raise none. Most phrasings are new (in no suite).
/// </summary>
public sealed class PainWordingRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("i ripped my iliopsoas playing football")]
    [InlineData("think i ripped something in my groin sprinting")]
    [InlineData("my psoas feels tight and uncomfortable")]
    [InlineData("sitting is uncomfortable for my hip flexors")]
    [InlineData("my hip flexor is messed up")]
    [InlineData("my lower back got messed up deadlifting")]
    [InlineData("dolor de cadera psoas")]
    [InlineData("me duele el psoas cuando corro")]
    [InlineData("j'ai mal à la hanche, psoas ?")]
    [InlineData("douleur au psoas")]
    [InlineData("ich habe Schmerzen im psoas")]
    [InlineData("der Psoas schmerzt beim Laufen")]
    [InlineData("tenho dor no psoas")]
    [InlineData("ho un dolore al psoas")]
    [InlineData("mi fa male il psoas")]
    // The lead's own probes (2 Dec 2026), everyday ways of saying it hurts.
    [InlineData("sharp jab in the front of my hip when sprinting")]
    [InlineData("my hip flexor zings when I kick")]
    [InlineData("feels like a knife in my hip when I stand up")]
    [InlineData("my psoas is angry after running")]
    [InlineData("the front of my hip feels raw after yoga")]
    [InlineData("my lower back gives me hell after deadlifts")]
    [InlineData("my hip is giving me grief when I sit")]
    [InlineData("my iliacus is barking after hill sprints")]
    [InlineData("I've got a dodgy hip flexor from football")]
    [InlineData("hip flexor went ping during sprints")]
    [InlineData("my hip catches when I walk")]
    // After the eleventh blind trial's summary (its items not read).
    [InlineData("my hip flexor keeps grumbling when I run")]
    [InlineData("woke up with a crick in my lower back")]
    public void Discomfort_injury_slang_and_other_languages_get_the_disclaimer(string question) =>
        Assert.NotNull(fixture.Ask(question).Disclaimer);

    [Theory]
    [InlineData("why does a tight psoas tilt the pelvis")]
    [InlineData("is the psoas major a male or female muscle")]
    [InlineData("what is the doi of the psoas paper")]
    [InlineData("which donor artery supplies the iliacus")]
    [InlineData("I messed up the quiz question on the iliacus")]
    [InlineData("do bodybuilders get a ripped psoas")]
    [InlineData("how comfortable is it to palpate the iliacus for a trained examiner")]
    [InlineData("does a flu jab go into the thigh near the iliacus")]
    [InlineData("I feel angry when people say the psoas stores emotions, is that true")]
    [InlineData("what is the raw size of the psoas major")]
    // The session's review: everyday senses of the new slang, and words a letter from it.
    [InlineData("My tutor keeps barking at me to learn the psoas origin, where is it?")]
    [InlineData("Stop grumbling and tell me where the iliacus inserts")]
    [InlineData("What does the iliopsoas do when the hip catches the body during a stumble?")]
    [InlineData("Which part of the psoas is raw material for exam questions?")]
    [InlineData("Which caches of fat sit near the psoas?")]
    [InlineData("Is the psoas minor a zing of evolution?")]
    public void Look_alike_words_raise_no_disclaimer(string question) =>
        Assert.Null(fixture.Ask(question).Disclaimer);
}
