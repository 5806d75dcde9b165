namespace Crm.Bpm.Feel.Parsing;

/// <summary>Raised inside the parser to stop at the first syntax error; never leaves <see cref="Parser"/>.</summary>
internal sealed class ParseException : Exception
{
    public ParseException()
    {
    }

    public ParseException(string message)
        : base(message)
    {
    }

    public ParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ParseException(Token found, string expected)
        : base(expected)
    {
        Found = found;
    }

    public Token Found { get; }
}
