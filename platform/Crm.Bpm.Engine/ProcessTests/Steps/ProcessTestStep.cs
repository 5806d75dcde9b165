using Crm.Bpm.Engine.ProcessTests.Expectations;

namespace Crm.Bpm.Engine.ProcessTests.Steps;

/// <summary>One command a process test runs against the engine, with what must hold right after it.</summary>
public abstract record ProcessTestStep
{
    /// <summary>The step's keyword as written (<c>completeTask</c>, <c>advanceClock</c>...).</summary>
    public abstract string Keyword { get; }

    /// <summary>Where the step was written.</summary>
    public int Line { get; init; }

    public int Column { get; init; }

    /// <summary>What must hold right after this step, or null.</summary>
    public ProcessTestExpectation? Expect { get; init; }
}
