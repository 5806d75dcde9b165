using Crm.Bpm.Engine.Runtime.Store;

namespace Crm.Bpm.Persistence.Engine;

public sealed partial class EfProcessStore
{
    /// <inheritdoc/>
    public bool SupportsBatchCommit => true;

    /// <inheritdoc/>
    public void CommitBatch(IReadOnlyList<StoreChanges> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var written = new List<(long Key, int Version, InstanceRows Rows, bool Ended)>();
        try
        {
            if (_dialect.CommitsBatchesImplicitly && batch.All(changes => changes.Effects.Count == 0))
            {
                // No effect needs the open transaction: every write goes in one batch the server runs as one transaction.
                Guard(() =>
                {
                    _implicitCommit = true;
                    try
                    {
                        foreach (var changes in batch)
                        {
                            WriteChanges(changes, written);
                        }

                        FlushImplicitly();
                    }
                    finally
                    {
                        _implicitCommit = false;
                    }

                    return 0;
                });
            }
            else
            {
                CommitInTransaction(batch, written);
            }
        }
        catch
        {
            // A refused start may have been refused because the latest version moved on: read it afresh next time.
            _latest.Clear();
            foreach (var changes in batch)
            {
                foreach (var (instance, _) in changes.Instances)
                {
                    _rows.Remove(instance.Key);
                }
            }

            throw;
        }
        finally
        {
            _read.Clear();
            _pending.Clear();
            _assumedLatest.Clear();
        }

        foreach (var changes in batch)
        {
            foreach (var (instance, _) in changes.Instances)
            {
                _compiled.TryAdd(instance.Definition.Key, instance.Definition);
                _prefetched.Remove(instance.Key);
            }

            foreach (var key in changes.Timers.Items.Keys)
            {
                _acquired.Remove(key);
            }

            foreach (var definition in changes.Definitions)
            {
                _definitions[definition.Key] = definition;
            }
        }

        foreach (var (key, version, rows, ended) in written)
        {
            if (ended)
            {
                _rows.Remove(key);
            }
            else
            {
                Remember(key, version, rows);
            }
        }
    }

    /// <summary>Writes the batch in one explicit transaction: effects run inside it after their command's rows are written.</summary>
    private void CommitInTransaction(IReadOnlyList<StoreChanges> batch, List<(long Key, int Version, InstanceRows Rows, bool Ended)> written) =>
        Guard(() =>
        {
            using var transaction = _dialect.BeginWrite(Connection());
            _transaction = transaction;
            try
            {
                foreach (var changes in batch)
                {
                    WriteChanges(changes, written);
                    if (changes.Effects.Count > 0)
                    {
                        // An effect runs after its command's rows are written (it may read them), inside the transaction.
                        Flush();
                        var context = new CommitContext { Connection = _connection, Transaction = transaction };
                        foreach (var effect in changes.Effects)
                        {
                            effect.Apply(context);
                        }
                    }
                }

                Flush();
                transaction.Commit();
            }
            catch
            {
                TryRollback(transaction);
                throw;
            }
            finally
            {
                _transaction = null;
            }

            return 0;
        });
}
