using Microsoft.CodeAnalysis;
using ModelAnalyzers.Sites;

namespace ModelAnalyzers.Requests;

/// <summary>One option set on a request object: `Temperature = 0.2f` in an initializer or `options.Temperature = 0.2f`.</summary>
/// <param name="Assignment">An ISimpleAssignmentOperation, or an IMemberInitializerOperation for `StopSequences = { "x" }`.</param>
internal readonly record struct OptionAssignment(RequestOption Option, IOperation Assignment, IOperation Value);
