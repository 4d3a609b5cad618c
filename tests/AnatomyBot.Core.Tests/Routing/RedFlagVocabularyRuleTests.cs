using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Everyday wordings of red flags get the urgent line (legs that cannot be felt, soiling oneself, lost feeling after a
/// fall, chest pain or breathlessness, blood in the urine with back pain, a swollen leg that is warm or red), a red-flag word is never "corrected" into a
/// pain word ("pooed" is not "popped"), and pain slang ("went pop", "on fire") gets the disclaimer. General questions
/// on the same subjects stay calm. Phrasings are new (in neither suite nor the tester's probes).
/// </summary>
public sealed class RedFlagVocabularyRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("since this morning i cannot feel my legs and my lower back aches")]
    [InlineData("pooed myself last night and my lower back aches")]
    [InlineData("slipped on ice and lost all feeling in my groin")]
    [InlineData("i got chest pains while doing a hip flexor stretch")]
    [InlineData("there is blood in my urine and my flank hurts")]
    [InlineData("my left leg is suddenly swollen and hot")]
    [InlineData("my calf swelled up and it's red and warm to touch, hip flexor stretch yesterday")]
    [InlineData("running a temp of 39 and my lower back is killing me")]
    // The session's review (3 Dec 2026): "either leg".
    [InlineData("I suddenly can't feel either leg")]
    [InlineData("my lower back hurts and I have pins and needles in either of my legs")]
    [InlineData("i have a high temp and my groin really hurts")]
    [InlineData("woke up and i can't lift my foot properly, my back hurts")]
    [InlineData("since yesterday my foot is floppy and my hip aches")]
    [InlineData("i've got a swollen thigh that feels hot")]
    [InlineData("i cant poop and my lower back is killing me")]
    [InlineData("since the fall i cannot really pee and my back aches")]
    [InlineData("my hip flexor is sore and my leg's weak, I keep dragging my toes when I walk")]
    [InlineData("my toes keep catching on the floor and my thigh feels weak")]
    [InlineData("numbness in my right thigh, now the other leg as well")]
    [InlineData("pins and needles in one leg that has spread into the other leg")]
    [InlineData("my right foot went numb and the other one is going numb too")]
    // The lead's own, after the tenth blind trial's summary (2 Dec 2026; its items were not read): the other side named
    // as left or right, retention said as trying and failing, a fall said as a spill or a lost footing, a collapse.
    [InlineData("my right thigh went numb last week and now my left leg is numb as well")]
    [InlineData("the tingling began in my left leg and now the right one tingles too")]
    [InlineData("numbness moved from my right leg to my left")]
    [InlineData("i try to pee but nothing comes out and my back is killing me")]
    [InlineData("since my back went i haven't been able to pee properly")]
    [InlineData("barely anything comes out when i pee and my hip hurts")]
    [InlineData("i took a spill in the shower and my hip is sore to touch")]
    [InlineData("lost my footing on the stairs and now my groin hurts to touch")]
    [InlineData("grandad collapsed in the garden and his hip hurts")]
    [InlineData("she hurt her hip in the fall and can't put weight on it")]
    [InlineData("my dad slipped on the stairs and cries out when you touch his hip")]
    [InlineData("grandma fell off a chair and winces when anyone touches her leg")]
    // The lead's own probes before the eleventh blind trial was read: a leg turned out or shorter after a fall, said
    // with words between.
    [InlineData("fell off a ladder and now my leg is turned outwards and shorter")]
    [InlineData("nan tripped on the rug, her left leg looks a bit shorter and the foot is turned out")]
    [InlineData("after the fall his leg seems shortened and rotated out")]
    // After the eleventh blind trial's summary (its items not read): retention said as not having managed to go.
    [InlineData("i haven't managed to pee since this morning and my back is agony")]
    [InlineData("couldn't pee all night and my lower back hurts a lot")]
    // Added 2 Dec 2026 (twelfth blind trial's summary; the lead's phrasings): not able to pass urine, and a swollen hot
    // calf in pregnancy or described without "my".
    [InlineData("I can't pass urine and my lower back is really sore")]
    [InlineData("haven't passed urine since breakfast, back is killing me")]
    [InlineData("unable to pass urine today and my hip aches")]
    [InlineData("pregnant, and the left calf is swollen and warm")]
    [InlineData("the right leg is swollen and red since the long flight")]
    [InlineData("30 weeks pregnant and one calf is puffy and hot")]
    // The session's review (2 Dec 2026, 16:40 UTC): more ways of not passing urine.
    [InlineData("I don't pass urine since yesterday and my back hurts")]
    [InlineData("I can barely pass urine and my hip aches")]
    [InlineData("I'm unable to pass water and my groin hurts")]
    [InlineData("struggling to pass urine since my back went")]
    [InlineData("I take aspirin every day and now my groin is swollen")]
    // The lead's probe after the sixteenth session (3 Dec 2026): a leg or foot that has lost its feeling, said as now,
    // suddenly or with weakness, and numbness with a leg that will not move.
    [InlineData("my leg went numb and I can't feel my foot now")]
    [InlineData("suddenly can't feel my leg at all")]
    [InlineData("I can't feel my foot and my leg is weak since this morning")]
    [InlineData("lost all feeling in my thigh since lunch")]
    [InlineData("my foot has gone numb and my leg gives way when I stand")]
    // The sixteenth blind trial's summary (3 Dec 2026; the lead's wordings): a swollen warm leg after long travel.
    [InlineData("thigh got swollen and warm after the long-haul trip home")]
    [InlineData("after a long drive one calf is puffy, red and tender")]
    // The lead's probe in the eighteenth session (3 Dec 2026): a lost feeling in one's leg or foot with back pain, and a
    // swollen painful leg after surgery, a cast or bed rest.
    [InlineData("i cant feel my toes and my back hurts a lot")]
    [InlineData("can't feel my feet, back pain is bad")]
    [InlineData("my calf is swollen and painful after surgery")]
    [InlineData("my leg is swollen after my op and it hurts")]
    [InlineData("my calf has been swollen and sore since the cast came off")]
    // The session's review (3 Dec 2026): a fall, then not feeling the legs, said with "can't feel" and of someone else.
    [InlineData("my dad fell down the stairs and can't feel his legs")]
    [InlineData("hi, I'm Lee. my dad fell down the stairs and can't feel his legs, what nerve is in the psoas?")]
    [InlineData("my mum fell and she cannot feel her legs")]
    public void A_red_flag_in_everyday_words_gets_the_urgent_line(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.Urgent, reply.Intent);
        Assert.NotNull(reply.UrgentNotice);
        Assert.NotNull(reply.Disclaimer);
    }

    /// <summary>
    /// A fall or a pop said in other words, or happening to someone else, with inability said with words between
    /// ("can't put any weight", "unable to take weight"): the lead's own phrasings, written after the sixth blind trial's
    /// summary reported three such red flags without the urgent line (the trial's items were not read).
    /// </summary>
    [Theory]
    [InlineData("i came off my skateboard and landed hard on my hip, now i cant put any weight on it")]
    [InlineData("my grandad took a tumble down the stairs and he cant get up, hes in agony")]
    [InlineData("wiped out on my bike yesterday, hip is agony and i cant walk on it")]
    [InlineData("my daughter got knocked off her scooter and cant stand up, screaming in pain")]
    [InlineData("went flying on the ice and hit the ground hard, cant bear any weight on my right leg")]
    [InlineData("heard something snap in my groin during a sprint and now i cant put my foot down")]
    [InlineData("felt a pop at the front of my hip and now i am unable to put weight through that leg")]
    [InlineData("mum slipped in the bathroom, hip looks deformed")]
    [InlineData("i was thrown from a horse and my hip is killing me")]
    [InlineData("something popped in my hip playing football and i cannot take any weight on it")]
    [InlineData("tripped on the kerb, landed on my side and the leg wont take weight now")]
    [InlineData("my nan fell in the garden and her leg doesn't take any weight")]
    [InlineData("came off my bike and the hip will not take my weight")]
    [InlineData("fell down the stairs and my leg won't let me walk")]
    [InlineData("slipped while running and now i cant put weight on my leg")]
    [InlineData("slipped when getting off the bus, hip hurts like hell")]
    public void A_fall_or_pop_in_other_words_gets_the_urgent_line(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.Urgent, reply.Intent);
        Assert.NotNull(reply.UrgentNotice);
    }

    /// <summary>The same words without the event, or asked in general: no urgent line.</summary>
    [Theory]
    [InlineData("can a fall injure the iliopsoas")]
    [InlineData("i cant stand stretching my psoas every day")]
    [InlineData("i fell asleep sitting at my desk, is that bad for my hip flexors")]
    [InlineData("why cant some people bear weight after a psoas injury")]
    [InlineData("which muscle helps you get up from lying down")]
    [InlineData("my hip pops when i lift my leg but it doesnt hurt")]
    [InlineData("why wont the psoas minor take weight like the major does")]
    [InlineData("does the iliopsoas take weight when you stand on one leg")]
    public void The_same_words_without_an_injury_report_stay_calm(string question)
    {
        Assert.NotEqual(Intent.Urgent, fixture.Ask(question).Intent);
    }

    /// <summary>
    /// An everyday phrase from the safety file's not_red_flags ("fell behind", "fell asleep", "weight training", "crash
    /// course") is no fall and no leg that cannot take weight, even beside a pain word: no urgent line. The pain word still
    /// brings the disclaimer.
    /// </summary>
    [Theory]
    [InlineData("i fell behind in class, wont take any weight training this term")]
    [InlineData("i fell asleep reading about the psoas, it hurts my brain")]
    [InlineData("i fell behind on reps and cant do weight training now, my hip hurts")]
    [InlineData("crash course on the psoas tonight, my neck hurts from studying")]
    [InlineData("my laptop crashed and my back is sore from sitting, what stretch helps the psoas")]
    public void An_everyday_phrase_beside_a_pain_word_is_no_red_flag(string question)
    {
        var reply = fixture.Ask(question);

        Assert.NotEqual(Intent.Urgent, reply.Intent);
        Assert.Null(reply.UrgentNotice);
    }

    /// <summary>Only the everyday phrase's own words are hidden: a real fall or injury beside one keeps the urgent line.</summary>
    [Theory]
    [InlineData("fell asleep at the wheel, crashed and now i cant walk")]
    [InlineData("fell out of bed and my hip hurts so much i cant stand")]
    [InlineData("fell flat on my hip and it won't take any weight")]
    [InlineData("slipped during weight training, now i cant put weight on my leg")]
    [InlineData("i fell behind the others on the hike, then fell down a slope and my hip is agony")]
    public void A_real_fall_beside_an_everyday_phrase_keeps_the_urgent_line(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.Urgent, reply.Intent);
        Assert.NotNull(reply.UrgentNotice);
    }

    /// <summary>A word that only begins like a pain word is not one: "painted" is no form of "pained".</summary>
    [Theory]
    [InlineData("who painted the mona lisa")]
    [InlineData("which painter did the sistine chapel")]
    [InlineData("ok random but who painted the last supper")]
    public void A_word_that_only_begins_like_a_pain_word_raises_nothing(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Null(reply.Disclaimer);
        Assert.NotEqual(Intent.Urgent, reply.Intent);
        Assert.NotEqual(Intent.NotCovered, reply.Intent);
    }

    /// <summary>
    /// A misspelling as near a frequent everyday word as a pain word, and beginning as that word does, is the everyday
    /// word when it is the more frequent one: "sorce" is "source", not "sore". Misspelt pain words whose only equally
    /// near rival begins otherwise or is rare stay pain ("hurst": burst; "brused": brushed).
    /// </summary>
    [Theory]
    [InlineData("whats the sorce of the iliolumbar artery")]
    [InlineData("which sorce says the psoas minor is missing in half of people")]
    public void A_misspelt_everyday_word_nearer_in_use_than_a_pain_word_raises_no_disclaimer(string question)
    {
        Assert.Null(fixture.Ask(question).Disclaimer);
    }

    [Theory]
    [InlineData("my hip hurst when i climb stairs")]
    [InlineData("the front of my hip is brused")]
    [InlineData("my groin is sorr after football")]
    public void A_misspelt_pain_word_with_a_rare_or_unlike_rival_keeps_the_disclaimer(string question)
    {
        Assert.NotNull(fixture.Ask(question).Disclaimer);
    }

    /// <summary>
    /// Pain slang gets the disclaimer, and a word of a pain phrase says how it hurts, never what the sources lack
    /// ("sharp grabbing feeling" was "My sources don't cover grabbing"). The smarts-to-grabbing phrasings are the lead's
    /// own, written after the ninth blind trial's summary (2 Dec 2026; its items were not read).
    /// </summary>
    [Theory]
    [InlineData("my hip flexor is burnin after squats")]
    [InlineData("front of my hip feels kind of burny when i run")]
    [InlineData("felt a pop in the front of my hip while kicking a ball")]
    [InlineData("the front of my hip is on fire after squats")]
    [InlineData("my hip stings when i walk")]
    [InlineData("pilates made my hip flexors soooo sor")]
    [InlineData("stinging at the front of my groin after sprints")]
    [InlineData("it smarts at the front of my hip when I climb stairs")]
    [InlineData("there's a searing pang in my hip flexor")]
    [InlineData("a gnawing ache deep in my groin at night")]
    [InlineData("sharp grabbing feeling in my groin when i sit up")]
    [InlineData("grabbing sensation at the front of my hip when i lift my knee")]
    public void Pain_slang_gets_the_disclaimer_and_is_no_uncovered_subject(string question)
    {
        var reply = fixture.Ask(question);

        Assert.NotNull(reply.Disclaimer);
        Assert.NotEqual(Intent.NotCovered, reply.Intent);
    }

    [Theory]
    [InlineData("does the psoas move when we breathe")]
    [InlineData("how does the diaphragm share fascia with the psoas")]
    [InlineData("do my legs both have an iliopsoas")]
    [InlineData("can a psoas abscess make the leg swollen and warm")]
    [InlineData("should i use heat or ice on a swollen hip flexor")]
    [InlineData("does the second stretch hurt? and the other one too?")]
    [InlineData("is the psoas weak in people who sit a lot, and the other one too?")]
    [InlineData("I pee a lot, does the psoas press on the bladder")]
    [InlineData("what's a smart way to stretch the psoas")]
    [InlineData("how do I pee after a psoas stretch class")]
    [InlineData("is the right psoas bigger than the left one too")]
    [InlineData("my right psoas feels tight, is the left one tight too")]
    [InlineData("the swelling went down in a day but it still hurts")]
    [InlineData("in the fall my hip flexors get sore from running")]
    [InlineData("i fell behind on training and now my psoas is sore")]
    // The reviewer's, 2 Dec 2026: one leg said with a side, a collapse that is no fall, a stool that is a seat.
    [InlineData("tingling that goes down into my right foot")]
    [InlineData("numbness down to my left knee")]
    [InlineData("my arches collapsed and my hips are sore")]
    [InlineData("I haven't been able to sit on a stool since my psoas strain")]
    // The session's review (2 Dec 2026, 13:50 UTC): study questions that share the new retention and fall words.
    [InlineData("I haven't managed to find how the psoas relates to the bladder, can you help?")]
    [InlineData("I can't manage to remember which nerve runs near the bladder and the psoas")]
    [InlineData("I couldn't go through the bowel relations of the psoas in class, what are they?")]
    [InlineData("In a hip fracture after a fall, why is the leg turned outwards - is it the iliopsoas?")]
    // The calm side of the above (2 Dec 2026): passing urine asked about, and a swollen leg asked in general.
    [InlineData("how do we pass urine past the psoas and the ureter?")]
    [InlineData("does the ureter pass in front of the psoas major on its way to the bladder?")]
    [InlineData("in pregnancy, can the psoas make one leg swollen and warm?")]
    // The session's review (2 Dec 2026, 16:40 UTC): exam vignettes and a failed test are no emergency.
    [InlineData("I haven't passed my anatomy test, how does the psoas relate to the bladder?")]
    [InlineData("I haven't understood which nerves pass near the bladder and the psoas")]
    [InlineData("In the exam case her thigh was swollen and warm; is the femoral nerve from L2-L4?")]
    [InlineData("In pregnant women does the enlarged uterus press on the psoas and make the legs swollen and warm?")]
    [InlineData("is aspirin or ibuprofen better for a sore hip flexor")]
    [InlineData("I took aspirin for my hip pain, which stretch helps the psoas?")]
    // The calm side of the lost-feeling flags (3 Dec 2026): a muscle not felt, a weak muscle asked about, a textbook
    // question, posture tingling and a foot that fell asleep.
    [InlineData("why can't I feel my psoas when I stretch")]
    [InlineData("I can't feel my hip flexors working during leg raises anymore")]
    [InlineData("does a weak psoas make my leg feel numb?")]
    [InlineData("if the femoral nerve is compressed do you get numbness and weakness in the leg")]
    [InlineData("my leg goes a bit numb when I sit cross-legged, is that the psoas?")]
    [InlineData("my foot fell asleep and now it's tingly")]
    [InlineData("can a long flight make the psoas tight?")]
    [InlineData("after a long drive my hip flexors are stiff")]
    [InlineData("can the psoas swell after hip surgery?")]
    [InlineData("what happens to the psoas after back surgery")]
    [InlineData("I can't feel my foot when I sit cross legged, my back is fine")]
    [InlineData("does back pain come from the psoas?")]
    public void A_general_question_on_the_same_subjects_stays_calm(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Null(reply.UrgentNotice);
        Assert.NotEqual(Intent.Urgent, reply.Intent);
    }
}
