using Crm.Bpm.Dmn.Drg;
using Crm.Bpm.Dmn.Expressions;
using Crm.Bpm.Dmn.Parsing;
using Crm.Bpm.Dmn.Tables;
using Crm.Bpm.Testing;

namespace Crm.Bpm.Dmn.Tests.Parsing;

public sealed class DmnParserTests
{
    [Theory]
    [InlineData("dmn11-discount.dmn", DmnVersion.Dmn11)]
    [InlineData("dmn12-discount.dmn", DmnVersion.Dmn12)]
    [InlineData("dmn13-discount.dmn", DmnVersion.Dmn13)]
    [InlineData("dmn14-discount.dmn", DmnVersion.Dmn14)]
    [InlineData("dmn15-discount.dmn", DmnVersion.Dmn15)]
    public void Parse_ReadsEveryDmnVersionIntoTheSameModel(string file, DmnVersion version)
    {
        var result = DmnParser.ParseFile(TestFiles.Fixture(file));

        result.Diagnostics.Should().BeEmpty();
        var model = result.Definitions!;
        model.Version.Should().Be(version);
        model.Namespace.Should().Be("urn:crm:discount");
        model.ItemDefinitions.Should().ContainSingle().Which.Should().Match<Crm.Bpm.Dmn.Types.ItemDefinition>(t =>
            t.Name == "tCustomerType" && t.TypeRef == "string" && t.AllowedValues == "\"Business\",\"Private\"");
        model.InputData.Select(i => (i.Name, i.TypeRef)).Should().Equal(("Customer Type", "tCustomerType"), ("Order Amount", "number"));

        var decision = model.Decisions.Should().ContainSingle().Subject;
        decision.TypeRef.Should().Be("number");
        decision.InformationRequirements.Select(r => r.Reference.TargetId).Should().Equal("customer", "amount");
        var table = decision.Expression.Should().BeOfType<DecisionTable>().Subject;
        table.HitPolicy.Should().Be(HitPolicy.First);
        table.Inputs.Select(i => i.InputExpression.Text).Should().Equal("Customer Type", "Order Amount");
        table.Inputs[0].InputExpression.TypeRef.Should().Be("string");
        table.Outputs.Should().ContainSingle().Which.TypeRef.Should().Be("number");
        table.Rules.Should().HaveCount(2);
        table.Rules[0].InputEntries.Select(e => e.Text).Should().Equal("\"Business\"", ">= 1000");
        table.Rules[0].OutputEntries.Single().Text.Should().Be("0.15");
    }

    [Fact]
    public void Parse_ReadsEveryBoxedExpressionKind()
    {
        var result = DmnParser.ParseFile(TestFiles.Fixture("boxed-expressions.dmn"));

        result.Diagnostics.Should().BeEmpty();
        var model = result.Definitions!;
        var byName = model.Decisions.ToDictionary(d => d.Name, d => d.Expression);
        byName["Adults"].Should().BeOfType<Filter>().Which.Match.Should().BeOfType<LiteralExpression>().Which.Text.Should().Be("item.age >= 18");
        byName["Adult Names"].Should().BeOfType<Crm.Bpm.Dmn.Expressions.Iterator>().Which.Should().Match<Crm.Bpm.Dmn.Expressions.Iterator>(i => i.Kind == IteratorKind.For && i.IteratorVariable == "p");
        byName["Any Minor"].Should().BeOfType<Crm.Bpm.Dmn.Expressions.Iterator>().Which.Kind.Should().Be(IteratorKind.Some);
        byName["All Named"].Should().BeOfType<Crm.Bpm.Dmn.Expressions.Iterator>().Which.Kind.Should().Be(IteratorKind.Every);
        var invocation = byName["Doubled"].Should().BeOfType<Invocation>().Subject;
        invocation.CalledFunction.Should().BeOfType<LiteralExpression>().Which.Text.Should().Be("Double It");
        invocation.Bindings.Should().ContainSingle().Which.Parameter.Name.Should().Be("x");
        var context = byName["Summary"].Should().BeOfType<ContextExpression>().Subject;
        context.Entries.Select(e => e.Variable?.Name).Should().Equal("count", "oldest", null);
        var relation = byName["Rate Table"].Should().BeOfType<Relation>().Subject;
        relation.Columns.Select(c => c.Name).Should().Equal("segment", "rate");
        relation.Rows.Should().HaveCount(2).And.AllSatisfy(r => r.Should().HaveCount(2));
        byName["Flags"].Should().BeOfType<ListExpression>().Which.Items.Should().HaveCount(2);
        var conditional = byName["Category"].Should().BeOfType<Conditional>().Subject;
        conditional.If.Should().BeOfType<LiteralExpression>().Which.Text.Should().Be("Doubled > 40");
        conditional.Else.Should().BeOfType<LiteralExpression>().Which.Text.Should().Be("\"small\"");
        var function = byName["Adder Result"].Should().BeOfType<ContextExpression>().Which.Entries[0].Value.Should().BeOfType<FunctionDefinition>().Subject;
        function.FormalParameters.Select(p => (p.Name, p.TypeRef)).Should().Equal(("a", "number"), ("b", "number"));

        var bkm = model.BusinessKnowledgeModels.Should().ContainSingle().Subject;
        bkm.EncapsulatedLogic!.Kind.Should().Be(FunctionKind.Feel);
        bkm.EncapsulatedLogic.FormalParameters.Should().ContainSingle().Which.Name.Should().Be("x");

        var service = model.DecisionServices.Should().ContainSingle().Subject;
        service.OutputDecisions.Select(r => r.TargetId).Should().Equal("adultNames");
        service.EncapsulatedDecisions.Select(r => r.TargetId).Should().Equal("adults");
        service.InputData.Select(r => r.TargetId).Should().Equal("people");

        model.Imports.Should().ContainSingle().Which.Should().Match<DmnImport>(i => i.Name == "rates" && i.Namespace == "urn:crm:rates");
    }

    [Fact]
    public void Parse_ReadsItemDefinitionComponentsCollectionsAndFunctionTypes()
    {
        var model = DmnParser.ParseFile(TestFiles.Fixture("boxed-expressions.dmn")).Definitions!;
        var types = model.ItemDefinitions.ToDictionary(t => t.Name);

        types["tPerson"].ItemComponents.Select(c => (c.Name, c.TypeRef)).Should().Equal(("name", "string"), ("age", "tAge"));
        types["tPeople"].Should().Match<Crm.Bpm.Dmn.Types.ItemDefinition>(t => t.IsCollection && t.TypeRef == "tPerson");
        types["tAge"].AllowedValues.Should().Be("[0..150]");
        var function = types["tScorer"].FunctionItem!;
        function.OutputTypeRef.Should().Be("number");
        function.Parameters.Should().ContainSingle().Which.TypeRef.Should().Be("number");
    }

    [Fact]
    public void Parse_RecordsLineAndColumnOfElements()
    {
        var model = DmnParser.ParseFile(TestFiles.Fixture("dmn15-discount.dmn")).Definitions!;

        model.Decisions[0].Position.Line.Should().Be(13);
        model.InputData[1].Position.Line.Should().Be(10);
    }

    [Fact]
    public void Parse_ReadsEveryTckModelWithoutErrors()
    {
        var files = Directory.GetFiles(SharedData.DmnTckFolder, "*.dmn", SearchOption.AllDirectories);

        files.Should().NotBeEmpty();
        var errors = files.SelectMany(f => DmnParser.ParseFile(f).Diagnostics.Where(d => d.IsError)).Select(d => d.ToString()).ToList();
        errors.Should().BeEmpty();
    }
}
