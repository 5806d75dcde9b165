using Crm.Bpm.Engine.Runtime.Commands;

namespace Crm.Bpm.Engine.Runtime.Execution;

internal sealed partial class Executor
{
    public CommandError? Migrate(MigrateProcessInstance command)
    {
        if (_uow.GetInstance(command.ProcessInstanceKey) is null)
        {
            return NotFound($"No process instance with key {command.ProcessInstanceKey}.");
        }

        return new(CommandErrorCode.InvalidArgument, $"Migrating instance {command.ProcessInstanceKey} is not supported yet.");
    }
}
