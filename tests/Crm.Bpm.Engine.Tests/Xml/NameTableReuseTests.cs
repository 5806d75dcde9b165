using System.Reflection;
using System.Xml;
using Crm.Bpm.Engine.Xml;

namespace Crm.Bpm.Engine.Tests.Xml;

/// <summary>The scanner's name table is kept per thread for the next file: nothing a file declared may leak into the next one.</summary>
public sealed class NameTableReuseTests
{
    [Fact]
    public void PrefixDeclaredInAFileThatFailed_IsNotDeclaredInTheNextFile()
    {
        using (var broken = XmlScanner.FromText("<a xmlns:p=\"urn:p\" xmlns=\"urn:default\"><p:b><p:c></p:b></a>"))
        {
            var act = () =>
            {
                while (broken.Read())
                {
                }
            };
            act.Should().Throw<XmlException>();
        }

        using var next = XmlScanner.FromText("<a><p:b/></a>");
        next.Read();
        next.NamespaceURI.Should().BeEmpty("the default namespace of the failed file is gone");
        var read = () => next.Read();

        read.Should().Throw<XmlException>().Which.Message.Should().Contain("'p' is an undeclared prefix");
    }

    [Fact]
    public void PrefixBoundDifferentlyInTheNextFile_ResolvesToTheNewNamespace()
    {
        using (var first = XmlScanner.FromText("<p:a xmlns:p=\"urn:first\"><p:b/></p:a>"))
        {
            first.Read();
            first.NamespaceURI.Should().Be("urn:first");
        }

        using var second = XmlScanner.FromText("<p:a xmlns:p=\"urn:second\"><p:b/></p:a>");
        second.Read();
        second.Read();

        second.NamespaceURI.Should().Be("urn:second");
        second.LocalName.Should().Be("b");
    }

    [Fact]
    public void NameTableOfAFileWithAHugeNamespaceName_IsNotKeptForTheNextFile()
    {
        var spare = typeof(XmlScanner).GetField("t_spareNames", BindingFlags.NonPublic | BindingFlags.Static)!;
        using (var small = XmlScanner.FromText("<p:a xmlns:p=\"urn:small\"/>"))
        {
            small.Read();
        }

        spare.GetValue(null).Should().NotBeNull("a small table is kept for the next file on this thread");

        using (var huge = XmlScanner.FromText($"<p:a xmlns:p=\"urn:{new string('n', 100_000)}\"/>"))
        {
            huge.Read();
        }

        spare.GetValue(null).Should().BeNull("a table holding 100,000 characters of names is left to the garbage collector");
    }

    [Fact]
    public void SameFileParsedTwice_GivesTheSameModel()
    {
        var path = BpmnTestFiles.Miwg("C.8.0");

        var first = BpmnParser.ParseFile(path);
        var second = BpmnParser.ParseFile(path);

        second.Diagnostics.Should().BeEquivalentTo(first.Diagnostics);
        BpmnWriter.WriteString(second.Definitions!).Should().Be(BpmnWriter.WriteString(first.Definitions!));
    }
}
