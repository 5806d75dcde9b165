namespace Crm.Bpm.Dmn.Tck;

/// <summary>What a test case evaluates: the decisions named by its result nodes, a business knowledge model, or a decision service.</summary>
public enum TckInvocableKind
{
    Decision,
    BusinessKnowledgeModel,
    DecisionService,
}
