namespace Crm.Bpm.Dmn.Drg;

/// <summary>An <c>href</c> to another DRG element: <c>#id</c> in this model or <c>namespace#id</c> in an imported one.</summary>
public sealed record DmnReference(string Href, SourcePosition Position)
{
    /// <summary>The namespace before <c>#</c>, or null for a reference inside the same model.</summary>
    public string? Namespace
    {
        get
        {
            var hash = Href.IndexOf('#', StringComparison.Ordinal);
            return hash > 0 ? Href[..hash] : null;
        }
    }

    /// <summary>The id after <c>#</c> (the whole href when it has no <c>#</c>).</summary>
    public string TargetId
    {
        get
        {
            var hash = Href.IndexOf('#', StringComparison.Ordinal);
            return hash >= 0 ? Href[(hash + 1)..] : Href;
        }
    }
}
