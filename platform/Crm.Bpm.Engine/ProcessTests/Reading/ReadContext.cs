using Crm.Bpm.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Crm.Bpm.Engine.ProcessTests.Reading;

/// <summary>The file being read and the findings gathered so far.</summary>
internal sealed class ReadContext(string file)
{
    public string File { get; } = file;

    public List<Diagnostic> Diagnostics { get; } = [];

    public bool HasErrors => Diagnostics.Exists(d => d.IsError);

    public void Error(YamlNode at, string code, string message) => Error(Line(at), Column(at), code, message);

    public void Error(int line, int column, string code, string message) =>
        Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, code, message, File, line, column));

    public static int Line(YamlNode node) => checked((int)node.Start.Line);

    public static int Column(YamlNode node) => checked((int)node.Start.Column);

    public static Located<T> At<T>(T value, YamlNode node) => new(value, Line(node), Column(node));
}
