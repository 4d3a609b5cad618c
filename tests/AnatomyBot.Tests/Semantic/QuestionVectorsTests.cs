using AnatomyBot.Embeddings;

namespace AnatomyBot.Tests.Semantic;

/// <summary>The repeat-question cache: bounded, least recently used dropped first, and a hit is the stored vector.</summary>
public sealed class QuestionVectorsTests
{
    [Fact]
    public void Holds_at_most_its_capacity_and_drops_the_least_recently_used()
    {
        var cache = new QuestionVectors(3);
        foreach (var question in new[] { "origin", "insertion", "nerve" })
        {
            cache.Add(question, [question.Length]);
        }

        Assert.True(cache.TryGet("origin", out _)); // now the most recent
        cache.Add("blood supply", [12]);

        Assert.Equal(3, cache.Count);
        Assert.False(cache.TryGet("insertion", out _));
        Assert.True(cache.TryGet("origin", out var origin));
        Assert.Equal([6f], origin);
        Assert.True(cache.TryGet("nerve", out _));
        Assert.True(cache.TryGet("blood supply", out _));
    }

    [Fact]
    public void Adding_a_question_again_replaces_its_vector_without_growing()
    {
        var cache = new QuestionVectors(2);
        cache.Add("origin", [1]);
        cache.Add("origin", [2]);
        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet("origin", out var vector));
        Assert.Equal([2f], vector);
    }

    [Fact]
    public void Capacity_zero_keeps_nothing()
    {
        var cache = new QuestionVectors(0);
        cache.Add("origin", [1]);
        Assert.Equal(0, cache.Count);
        Assert.False(cache.TryGet("origin", out _));
    }
}
