using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace ModelAnalyzers.Tests.Reliability;

/// <summary>
/// Analyzer results may depend only on the compilation, its options and its AdditionalFiles: the analyzer assembly
/// must not touch files, the network, processes, the environment or the clock. (RS1035 checks the source; this
/// checks what was actually compiled.)
/// </summary>
public class ForbiddenApiTests
{
    private static readonly string[] ForbiddenTypes =
    {
        "System.IO.File", "System.IO.FileInfo", "System.IO.Directory", "System.IO.DirectoryInfo", "System.IO.FileStream",
        "System.IO.DriveInfo", "System.Console", "System.Diagnostics.Process", "System.Net.WebClient",
        "System.Net.Http.HttpClient", "System.Net.Sockets.Socket", "System.Net.Dns", "System.Threading.Thread",
    };

    private static readonly string[] ForbiddenMembers =
    {
        "System.DateTime.get_Now", "System.DateTime.get_UtcNow", "System.DateTime.get_Today",
        "System.DateTimeOffset.get_Now", "System.DateTimeOffset.get_UtcNow", "System.IO.StreamReader..ctor(String)",
        "System.Diagnostics.Stopwatch.StartNew",

        // Not the whole Environment type: compiler-generated iterators read Environment.CurrentManagedThreadId.
        "System.Environment.GetEnvironmentVariable", "System.Environment.SetEnvironmentVariable", "System.Environment.ExpandEnvironmentVariables",
        "System.Environment.get_CurrentDirectory", "System.Environment.GetCommandLineArgs", "System.Environment.get_MachineName",
        "System.Environment.get_UserName", "System.Environment.get_TickCount", "System.Environment.GetFolderPath", "System.Environment.Exit",
    };

    [Theory]
    [InlineData(typeof(ModelLifecycleAnalyzer))]
    public void AnalyzerAssemblyReferencesNoClockFileNetworkProcessOrEnvironmentApi(Type typeInAssembly)
    {
        using var stream = File.OpenRead(typeInAssembly.Assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();

        var typeNames = metadata.TypeReferences.Select(h => Name(metadata, metadata.GetTypeReference(h))).ToList();
        var memberNames = metadata.MemberReferences.Select(h => Member(metadata, metadata.GetMemberReference(h))).ToList();

        Assert.Contains("System.IO.StreamReader", typeNames); // the check sees references at all
        Assert.DoesNotContain(typeNames, ForbiddenTypes.Contains);
        Assert.DoesNotContain(memberNames, m => ForbiddenMembers.Any(f => m.StartsWith(f, StringComparison.Ordinal)));
    }

    private static string Name(MetadataReader metadata, TypeReference type)
    {
        string name = metadata.GetString(type.Name);
        string ns = metadata.GetString(type.Namespace);
        return ns.Length == 0 && type.ResolutionScope.Kind == HandleKind.TypeReference
            ? Name(metadata, metadata.GetTypeReference((TypeReferenceHandle)type.ResolutionScope)) + "+" + name
            : ns + "." + name;
    }

    private static string Member(MetadataReader metadata, MemberReference member)
    {
        string parent = member.Parent.Kind == HandleKind.TypeReference ? Name(metadata, metadata.GetTypeReference((TypeReferenceHandle)member.Parent)) : "?";
        string name = metadata.GetString(member.Name);
        if (name == ".ctor" && member.GetKind() == MemberReferenceKind.Method)
        {
            var signature = member.DecodeMethodSignature(new TypeNames(metadata), null);
            return $"{parent}..ctor({string.Join(",", signature.ParameterTypes)})";
        }

        return $"{parent}.{name}";
    }

    private sealed class TypeNames : ISignatureTypeProvider<string, object?>
    {
        private readonly MetadataReader _metadata;

        public TypeNames(MetadataReader metadata) => _metadata = metadata;

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => _metadata.GetString(reader.GetTypeReference(handle).Name);

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => _metadata.GetString(reader.GetTypeDefinition(handle).Name);

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[,]";

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetPinnedType(string elementType) => elementType;

        public string GetGenericInstantiation(string genericType, System.Collections.Immutable.ImmutableArray<string> typeArguments) => genericType;

        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) => "spec";
    }
}
