using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace SiteGen.Tests.Support;

/// <summary>
/// Which stages (namespaces one level below a root: <c>SiteGen.X</c>, or <c>SiteGen.Search.X</c>) of an assembly
/// use which, read from its metadata:
/// every type a type names in its base type, interfaces, fields, signatures, locals and method bodies. Read
/// from the compiled code rather than from <c>using</c> lines, which may be unused or missing (a fully
/// qualified name needs none); lambdas and iterators are nested types, so they count for the type that
/// holds them.
/// </summary>
public sealed class StageGraph
{
    private readonly MetadataReader _metadata;
    private readonly PEReader _image;
    private readonly SortedDictionary<string, SortedSet<string>> _edges = new(StringComparer.Ordinal);
    private readonly Dictionary<TypeDefinitionHandle, string> _stages = [];
    private readonly string[] _root;

    public StageGraph(string assemblyFile, string root = "SiteGen")
    {
        _root = root.Split('.');
        _image = new PEReader(File.OpenRead(assemblyFile));
        _metadata = _image.GetMetadataReader();
        foreach (var type in _metadata.TypeDefinitions)
        {
            var from = StageOf(type);
            if (from is null) continue;
            Uses(from, TypesNamedBy(type));
        }
    }

    /// <summary>Every stage, with the stages it uses (itself left out).</summary>
    public IReadOnlyDictionary<string, SortedSet<string>> Edges => _edges;

    /// <summary>A chain of stages that leads back to its first, or null when there is none.</summary>
    public IReadOnlyList<string>? Cycle()
    {
        var state = new Dictionary<string, int>(); // 1 on the path, 2 done
        var path = new List<string>();
        foreach (var stage in _edges.Keys)
            if (Visit(stage) is { } cycle) return cycle;
        return null;

        List<string>? Visit(string stage)
        {
            if (state.GetValueOrDefault(stage) == 2) return null;
            if (state.GetValueOrDefault(stage) == 1) return [.. path.Skip(path.IndexOf(stage)), stage];
            state[stage] = 1;
            path.Add(stage);
            foreach (var next in _edges.GetValueOrDefault(stage) ?? [])
                if (Visit(next) is { } cycle) return cycle;
            path.RemoveAt(path.Count - 1);
            state[stage] = 2;
            return null;
        }
    }

    /// <summary>The stages in an order where each uses only those above it (when there is no cycle), one a line.</summary>
    public string Draw()
    {
        var placed = new List<string>();
        var left = new SortedSet<string>(_edges.Keys, StringComparer.Ordinal);
        while (left.Count > 0)
        {
            var next = left.FirstOrDefault(s => _edges[s].All(placed.Contains)) ?? left.First();
            placed.Add(next);
            left.Remove(next);
        }
        var width = placed.Max(s => s.Length);
        return string.Join("\n", placed.Select(s => _edges[s].Count == 0 ? s
            : $"{s.PadRight(width)}  → {string.Join(", ", placed.Where(_edges[s].Contains))}")) + "\n";
    }

    private void Uses(string from, IEnumerable<string> stages)
    {
        if (!_edges.TryGetValue(from, out var to)) _edges[from] = to = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var stage in stages)
        {
            if (stage == from) continue;
            to.Add(stage);
            if (!_edges.ContainsKey(stage)) _edges[stage] = new SortedSet<string>(StringComparer.Ordinal);
        }
    }

    private string? StageOf(TypeDefinitionHandle handle)
    {
        if (_stages.TryGetValue(handle, out var known)) return known;
        var type = _metadata.GetTypeDefinition(handle);
        var outer = type.GetDeclaringType();
        var stage = !outer.IsNil ? StageOf(outer) : StageOfNamespace(_metadata.GetString(type.Namespace).Split('.'));
        return _stages[handle] = stage!;
    }

    private string? StageOfNamespace(string[] parts) =>
        parts.Length > _root.Length && parts.Take(_root.Length).SequenceEqual(_root) ? parts[_root.Length] : null;

    private IEnumerable<string> TypesNamedBy(TypeDefinitionHandle handle)
    {
        var type = _metadata.GetTypeDefinition(handle);
        var found = new List<string>();
        if (!type.BaseType.IsNil) found.AddRange(Types(type.BaseType));
        foreach (var i in type.GetInterfaceImplementations()) found.AddRange(Types(_metadata.GetInterfaceImplementation(i).Interface));
        foreach (var f in type.GetFields()) found.AddRange(_metadata.GetFieldDefinition(f).DecodeSignature(Provider, null));
        foreach (var m in type.GetMethods())
        {
            var method = _metadata.GetMethodDefinition(m);
            var signature = method.DecodeSignature(Provider, null);
            found.AddRange(signature.ReturnType);
            foreach (var p in signature.ParameterTypes) found.AddRange(p);
            if (method.RelativeVirtualAddress != 0) found.AddRange(InBody(_image.GetMethodBody(method.RelativeVirtualAddress)));
        }
        return found;
    }

    private IEnumerable<string> InBody(MethodBodyBlock body)
    {
        if (!body.LocalSignature.IsNil)
            foreach (var local in _metadata.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(Provider, null))
                foreach (var stage in local) yield return stage;
        var il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            var code = il.ReadByte();
            var opcode = code == 0xFE ? TwoByte[il.ReadByte()] : OneByte[code];
            switch (opcode.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok:
                    foreach (var stage in Types(MetadataTokens.EntityHandle(il.ReadInt32()))) yield return stage;
                    break;
                case OperandType.InlineSwitch:
                    // The count first, then the skip: `il.Offset += 4 * il.ReadInt32()` takes the offset from before the
                    // count was read, lands four bytes short, and reads the last jump target's bytes as instructions.
                    var targets = il.ReadInt32();
                    il.Offset += 4 * targets;
                    break;
                default:
                    il.Offset += OperandSize(opcode.OperandType);
                    break;
            }
        }
    }

    private IEnumerable<string> Types(EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                return StageOf((TypeDefinitionHandle)handle) is { } stage ? [stage] : [];
            case HandleKind.TypeSpecification:
                return _metadata.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(Provider, null);
            case HandleKind.MethodDefinition:
                return Types(_metadata.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType());
            case HandleKind.FieldDefinition:
                return Types(_metadata.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType());
            case HandleKind.MethodSpecification:
                var spec = _metadata.GetMethodSpecification((MethodSpecificationHandle)handle);
                return Types(spec.Method).Concat(spec.DecodeSignature(Provider, null).SelectMany(t => t));
            case HandleKind.MemberReference:
                var member = _metadata.GetMemberReference((MemberReferenceHandle)handle);
                var named = Types(member.Parent);
                if (member.GetKind() == MemberReferenceKind.Field) return named.Concat(member.DecodeFieldSignature(Provider, null));
                var method = member.DecodeMethodSignature(Provider, null);
                return named.Concat(method.ReturnType).Concat(method.ParameterTypes.SelectMany(t => t));
            default:
                return [];
        }
    }

    private static int OperandSize(OperandType type) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };

    private static readonly OpCode[] OneByte = new OpCode[256];
    private static readonly OpCode[] TwoByte = new OpCode[256];

    static StageGraph()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var opcode = (OpCode)field.GetValue(null)!;
            var value = (ushort)opcode.Value;
            if (opcode.Size == 1) OneByte[value] = opcode;
            else TwoByte[value & 0xFF] = opcode;
        }
    }

    private StageProvider Provider => new(this);

    /// <summary>Decodes a signature into the stages of the types it names.</summary>
    private sealed class StageProvider(StageGraph graph) : ISignatureTypeProvider<ImmutableArray<string>, object?>
    {
        public ImmutableArray<string> GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
            graph.StageOf(handle) is { } stage ? [stage] : [];
        public ImmutableArray<string> GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => [];
        public ImmutableArray<string> GetTypeFromSpecification(MetadataReader reader, object? context, TypeSpecificationHandle handle, byte rawTypeKind) =>
            [.. graph.Types(handle)];
        public ImmutableArray<string> GetPrimitiveType(PrimitiveTypeCode typeCode) => [];
        public ImmutableArray<string> GetSZArrayType(ImmutableArray<string> element) => element;
        public ImmutableArray<string> GetArrayType(ImmutableArray<string> element, ArrayShape shape) => element;
        public ImmutableArray<string> GetByReferenceType(ImmutableArray<string> element) => element;
        public ImmutableArray<string> GetPointerType(ImmutableArray<string> element) => element;
        public ImmutableArray<string> GetPinnedType(ImmutableArray<string> element) => element;
        public ImmutableArray<string> GetGenericInstantiation(ImmutableArray<string> generic, ImmutableArray<ImmutableArray<string>> arguments) =>
            [.. generic, .. arguments.SelectMany(a => a)];
        public ImmutableArray<string> GetGenericMethodParameter(object? context, int index) => [];
        public ImmutableArray<string> GetGenericTypeParameter(object? context, int index) => [];
        public ImmutableArray<string> GetFunctionPointerType(MethodSignature<ImmutableArray<string>> signature) =>
            [.. signature.ReturnType, .. signature.ParameterTypes.SelectMany(p => p)];
        public ImmutableArray<string> GetModifiedType(ImmutableArray<string> modifier, ImmutableArray<string> unmodified, bool isRequired) => unmodified;
    }
}
