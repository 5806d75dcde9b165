namespace Crm.Bpm.Feel.Parsing;

/// <summary>The lexical classes of FEEL text.</summary>
internal enum TokenKind
{
    End,
    Name,
    Number,
    String,
    AtString,
    Operator,
    Error,
}
