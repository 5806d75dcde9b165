using Crm.Bpm.Engine.ProcessTests.Expectations;
using Crm.Bpm.Engine.ProcessTests.Steps;

namespace Crm.Bpm.Engine.ProcessTests;

/// <summary>One case of a process test: start an instance, run steps in order, check the expectations.</summary>
/// <param name="Name">The case's name, unique in its file.</param>
/// <param name="Line">The line of the case's <c>name</c>.</param>
/// <param name="Clock">The engine clock when the case begins.</param>
/// <param name="Steps">The commands to run in order; a case-level <c>start</c> is the first of them.</param>
/// <param name="Expect">What must hold after the last step, or null.</param>
public sealed record ProcessTestCase(string Name, int Line, DateTimeOffset Clock, IReadOnlyList<ProcessTestStep> Steps, ProcessTestExpectation? Expect);
