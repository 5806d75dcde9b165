using Crm.Bpm.Entities.Access;
using Crm.Bpm.Entities.Duplicates;
using Crm.Bpm.Entities.Queries;

namespace Crm.Bpm.Entities.Records;

/// <summary>Where records, their change log, grants, duplicate keys and outbox events are kept.</summary>
public interface IRecordStore
{
    Record? Find(string entity, Guid id);

    /// <summary>The ids among <paramref name="ids"/> that are records of <paramref name="entity"/>.</summary>
    IReadOnlySet<Guid> ExistingIds(string entity, IReadOnlyCollection<Guid> ids);

    /// <summary>Records of <paramref name="entity"/> whose lookup <paramref name="field"/> holds <paramref name="id"/>.</summary>
    IReadOnlyList<Record> FindReferencing(string entity, string field, Guid id);

    /// <summary>Writes the whole change set in one transaction.</summary>
    /// <exception cref="RecordConcurrencyException">An updated or deleted record is no longer at its expected version; nothing was written.</exception>
    void Commit(RecordChangeSet changes);

    /// <summary>One page of records matching a checked query.</summary>
    RecordPage Query(QueryPlan plan);

    /// <summary>The stored records of <paramref name="entity"/> other than <paramref name="except"/> having one of the keys.</summary>
    IReadOnlyList<DuplicateMatch> FindDuplicates(string entity, IReadOnlyCollection<DuplicateKey> keys, Guid? except);

    /// <summary>Every group of two or more records of the entity sharing a key, per rule.</summary>
    IReadOnlyList<DuplicateGroup> DuplicateGroups(string entity);

    IReadOnlyList<ChangeLogEntry> ChangeLog(ChangeLogQuery query);

    IReadOnlyList<RecordGrant> Grants(Guid recordId);

    void RemoveGrant(Guid recordId, GranteeKind kind, string grantee);
}
