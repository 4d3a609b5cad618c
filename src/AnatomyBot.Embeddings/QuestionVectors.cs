namespace AnatomyBot.Embeddings;

/// <summary>
/// The vectors of the last questions that consulted the model, at most <see cref="Capacity"/>, least recently used
/// dropped first. Study groups repeat questions word for word (a quiz answer, "what is the origin"); the engine hands
/// over its normalised text, so case and punctuation do not matter. A vector is the model's output for the same text,
/// so a hit changes no reply. Readers must not write to the arrays handed out. Thread-safe.
/// </summary>
internal sealed class QuestionVectors(int capacity)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Text, float[] Vector)>> _byText = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Text, float[] Vector)> _recency = new();

    public int Capacity { get; } = Math.Max(0, capacity);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byText.Count;
            }
        }
    }

    public bool TryGet(string text, out float[] vector)
    {
        lock (_gate)
        {
            if (_byText.TryGetValue(text, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                vector = node.Value.Vector;
                return true;
            }
        }

        vector = [];
        return false;
    }

    public void Add(string text, float[] vector)
    {
        if (Capacity == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_byText.TryGetValue(text, out var existing))
            {
                _recency.Remove(existing);
            }
            else if (_byText.Count == Capacity)
            {
                _byText.Remove(_recency.Last!.Value.Text);
                _recency.RemoveLast();
            }

            _byText[text] = _recency.AddFirst((text, vector));
        }
    }
}
