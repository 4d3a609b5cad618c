using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace AnatomyBot.Embeddings;

/// <summary>
/// Rewrites the float all-MiniLM-L6-v2 graph so that every MatMul by a 2-D float weight runs in int8: ONNX Runtime's
/// contrib op <c>com.microsoft.DynamicQuantizeMatMul</c> with the weight quantized once, here, per output column,
/// symmetric (zero points 0, range -127..127), and the activations quantized by the runtime on each run. The
/// word-embedding table and every other node stay float. Measured (docs/decisions/0011-int8-minilm.md): about 2.3x less
/// CPU per question, vectors at cosine 0.98 or more to the float model's, the same held-out score.
/// Pure and deterministic: the same model bytes give the same output bytes (the on-disk copy relies on it).
/// </summary>
internal static class Int8Rewrite
{
    /// <summary>Part of the int8 model id and of the on-disk copy's key: bump it whenever the output changes.</summary>
    public const int Version = 1;

    private const string ContribDomain = "com.microsoft";

    /// <summary>The rewritten model and how many MatMuls now run in int8 (36 for all-MiniLM-L6-v2).</summary>
    public static (byte[] Model, int Rewritten) Rewrite(byte[] model) => Rewrite(ModelProto.Parser.ParseFrom(model));

    /// <summary>The same from a stream: the float model is parsed without a 90 MB copy of its bytes alongside.</summary>
    public static (byte[] Model, int Rewritten) Rewrite(Stream model) => Rewrite(ModelProto.Parser.ParseFrom(model));

    private static (byte[] Model, int Rewritten) Rewrite(ModelProto proto)
    {
        if (!BitConverter.IsLittleEndian)
        {
            // ONNX raw tensor data is little-endian; the casts below read it as the machine's floats.
            throw new PlatformNotSupportedException("the int8 rewrite needs a little-endian machine");
        }

        var graph = proto.Graph;
        var weights = new Dictionary<string, TensorProto>(StringComparer.Ordinal);
        foreach (var initializer in graph.Initializer)
        {
            weights[initializer.Name] = initializer;
        }

        var nodes = new List<NodeProto>(graph.Node.Count);
        var added = new List<TensorProto>();
        var quantized = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in graph.Node)
        {
            if (node.OpType != "MatMul" || !string.IsNullOrEmpty(node.Domain) || node.Input.Count != 2
                || !weights.TryGetValue(node.Input[1], out var weight) || weight.Dims.Count != 2
                || weight.DataType != (int)TensorProto.Types.DataType.Float)
            {
                nodes.Add(node);
                continue;
            }

            var name = weight.Name;
            if (quantized.Add(name))
            {
                added.AddRange(Quantize(weight));
            }

            var rewritten = new NodeProto
            {
                OpType = "DynamicQuantizeMatMul",
                Domain = ContribDomain,
                Name = (string.IsNullOrEmpty(node.Name) ? name : node.Name) + "_int8",
            };
            rewritten.Input.Add([node.Input[0], name + "_q", name + "_scale", name + "_zp"]);
            rewritten.Output.Add(node.Output);
            nodes.Add(rewritten);
        }

        // A float weight still read by a node that was not rewritten (none in MiniLM) keeps its initializer.
        var stillRead = nodes.SelectMany(n => n.Input).ToHashSet(StringComparer.Ordinal);
        var dropped = quantized.Where(n => !stillRead.Contains(n)).ToHashSet(StringComparer.Ordinal);
        var kept = graph.Initializer.Where(i => !dropped.Contains(i.Name)).ToList();
        graph.Node.Clear();
        graph.Node.Add(nodes);
        graph.Initializer.Clear();
        graph.Initializer.Add(kept);
        graph.Initializer.Add(added);
        // Older exporters list initializers among the graph inputs; a dropped weight must not become a required input.
        var inputs = graph.Input.Where(i => !dropped.Contains(i.Name)).ToList();
        graph.Input.Clear();
        graph.Input.Add(inputs);
        if (!proto.OpsetImport.Any(o => o.Domain == ContribDomain))
        {
            proto.OpsetImport.Add(new OperatorSetIdProto { Domain = ContribDomain, Version = 1 });
        }

        return (proto.ToByteArray(), quantized.Count);
    }

    /// <summary>
    /// The int8 weight [K, N], its per-column scales [N] and zero points [N]: scale = max |w| of the column / 127, and
    /// w / scale rounded half to even and clipped to -127..127 (numpy's rounding, so the figures measured with the
    /// Python experiment carry over).
    /// </summary>
    private static TensorProto[] Quantize(TensorProto weight)
    {
        var rows = checked((int)weight.Dims[0]);
        var columns = checked((int)weight.Dims[1]);
        var values = weight.RawData.Length > 0
            ? MemoryMarshal.Cast<byte, float>(weight.RawData.Span).ToArray()
            : [.. weight.FloatData];
        if (values.Length != rows * columns)
        {
            throw new InvalidDataException($"weight {weight.Name} holds {values.Length} values, not {rows} x {columns}");
        }

        var scales = new float[columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                scales[c] = MathF.Max(scales[c], MathF.Abs(values[(r * columns) + c]));
            }
        }

        for (var c = 0; c < columns; c++)
        {
            scales[c] = MathF.Max(scales[c], 1e-8f) / 127f;
        }

        var levels = new sbyte[values.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var level = MathF.Round(values[(r * columns) + c] / scales[c], MidpointRounding.ToEven);
                levels[(r * columns) + c] = (sbyte)Math.Clamp(level, -127f, 127f);
            }
        }

        return
        [
            Tensor(weight.Name + "_q", TensorProto.Types.DataType.Int8, [rows, columns], MemoryMarshal.AsBytes(levels.AsSpan())),
            Tensor(weight.Name + "_scale", TensorProto.Types.DataType.Float, [columns], MemoryMarshal.AsBytes(scales.AsSpan())),
            Tensor(weight.Name + "_zp", TensorProto.Types.DataType.Int8, [columns], new byte[columns]),
        ];
    }

    private static TensorProto Tensor(string name, TensorProto.Types.DataType type, long[] dims, ReadOnlySpan<byte> data)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(data) };
        tensor.Dims.Add(dims);
        return tensor;
    }
}
