namespace Crm.Bpm.Feel.Parsing;

/// <summary>One lexeme with its position in the source.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Start, int End, int Line, int Column, string? Value = null)
{
    public bool Is(string text) => Kind is TokenKind.Operator or TokenKind.Name && Text == text;

    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the expression",
        TokenKind.String => "a string",
        TokenKind.AtString => "a temporal literal",
        TokenKind.Number => $"the number {Text}",
        TokenKind.Error => $"'{Text}'",
        _ => $"'{Text}'",
    };
}
