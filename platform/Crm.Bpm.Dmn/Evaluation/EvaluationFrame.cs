using System.Diagnostics.CodeAnalysis;
using Crm.Bpm.Feel.Evaluation;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Dmn.Evaluation;

/// <summary>The variables visible at one point of a DMN evaluation, layered over the enclosing frame; FEEL reads it as its scope.</summary>
internal sealed class EvaluationFrame : FeelScope
{
    private string[] _names = [];
    private FeelValue[] _values = [];
    private int _count;

    public EvaluationFrame(EvaluationSession session, EvaluationFrame? parent = null)
        : base(parent)
    {
        Session = session;
    }

    public EvaluationSession Session { get; }

    /// <inheritdoc />
    public override IEnumerable<string> OwnNames => _names.Take(_count);

    /// <summary>A new frame whose own variables hide those of this one.</summary>
    public EvaluationFrame Child() => new(Session, this);

    /// <summary>Sets a variable of this frame, replacing an earlier value of the same name.</summary>
    public void Bind(string name, FeelValue value)
    {
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_names[i], name, StringComparison.Ordinal))
            {
                _values[i] = value;
                return;
            }
        }

        if (_count == _names.Length)
        {
            var size = Math.Max(4, _count * 2);
            Array.Resize(ref _names, size);
            Array.Resize(ref _values, size);
        }

        _names[_count] = name;
        _values[_count] = value;
        _count++;
    }

    /// <inheritdoc />
    protected override bool TryGetOwnValue(string name, [MaybeNullWhen(false)] out FeelValue value)
    {
        for (var i = _count - 1; i >= 0; i--)
        {
            if (string.Equals(_names[i], name, StringComparison.Ordinal))
            {
                value = _values[i];
                return true;
            }
        }

        value = null;
        return false;
    }
}
