using Crm.Bpm.Engine.ProcessTests.Expectations;
using Crm.Bpm.Engine.ProcessTests.Steps;

namespace Crm.Bpm.Engine.ProcessTests;

/// <summary>One case of a process test: start an instance, run steps in order, check the expectations.</summary>
/// <param name="Name">The case's name, unique in its file.</param>
/// <param name="Line">The line of the case's <c>name</c>.</param>
/// <param name="Clock">The engine clock when the case begins.</param>
/// <param name="Start">The case-level <c>start</c>, run before the steps, or null when a step starts the instance.</param>
/// <param name="Steps">The commands to run in order after <paramref name="Start"/>.</param>
/// <param name="Expect">What must hold after the last step, or null.</param>
public sealed record ProcessTestCase(string Name, int Line, DateTimeOffset Clock, StartStep? Start, IReadOnlyList<ProcessTestStep> Steps, ProcessTestExpectation? Expect);
