namespace Crm.Bpm.Engine.Runtime.Commands;

/// <summary>Why a command was refused; a refused command changes nothing.</summary>
/// <param name="Code">The kind of failure.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record CommandError(CommandErrorCode Code, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Code}: {Message}";
}
