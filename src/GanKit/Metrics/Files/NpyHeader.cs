using System.Globalization;

namespace GanKit.Metrics.Files;

/// <summary>
/// The header of a .npy file, a Python dict literal such as <c>{'descr': '&lt;f8', 'fortran_order': False, 'shape': (3, 4), }</c>.
/// <see cref="Descr"/> is a string, or a list for a structured dtype (which the reader refuses by name).
/// </summary>
internal sealed record NpyHeader(object Descr, bool FortranOrder, long[] Shape)
{
    public static NpyHeader Parse(string path, string text)
    {
        object? literal;
        try
        {
            literal = new LiteralReader(text).ReadAll();
        }
        catch (FormatException e)
        {
            throw NpyFormat.Fail(path, $"has a header that is not a Python dict literal ({e.Message}): {Shown(text)}");
        }
        if (literal is not Dictionary<string, object?> dict)
            throw NpyFormat.Fail(path, $"has a header that is not a dict: {Shown(text)}");
        foreach (var key in new[] { "descr", "fortran_order", "shape" })
        {
            if (!dict.ContainsKey(key)) throw NpyFormat.Fail(path, $"has a header without '{key}': {Shown(text)}");
        }
        var descr = dict["descr"] switch
        {
            string s => (object)s,
            List<object?> fields => fields,
            _ => throw NpyFormat.Fail(path, $"has a header whose 'descr' is neither a string nor a list: {Shown(text)}"),
        };
        if (dict["fortran_order"] is not bool fortranOrder)
            throw NpyFormat.Fail(path, $"has a header whose 'fortran_order' is not True or False: {Shown(text)}");
        if (dict["shape"] is not object?[] items || items.Any(item => item is not (long and >= 0L)))
            throw NpyFormat.Fail(path, $"has a header whose 'shape' is not a tuple of sizes: {Shown(text)}");
        return new NpyHeader(descr, fortranOrder, [.. items.Cast<long>()]);
    }

    /// <summary>A shape as Python writes a tuple: (3, 4), (5,), ().</summary>
    public static string ShapeText(long[] shape) => shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";

    private static string Shown(string header) => header.Trim().Length <= 200 ? header.Trim() : header.Trim()[..200] + "…";

    /// <summary>
    /// The Python literals a .npy header uses: dicts, tuples (as object?[]), lists (as List&lt;object?&gt;), strings,
    /// integers (as long), True, False and None. A <see cref="FormatException"/> says where it went wrong.
    /// </summary>
    private sealed class LiteralReader(string text)
    {
        private int _at;

        public object? ReadAll()
        {
            var value = Value();
            SkipSpace();
            if (_at < text.Length) throw Unexpected();
            return value;
        }

        private object? Value()
        {
            SkipSpace();
            if (_at >= text.Length) throw new FormatException("it ends where a value should be");
            switch (text[_at])
            {
                case '{':
                    return Dict();
                case '(':
                    return Sequence(')').ToArray();
                case '[':
                    return Sequence(']');
                case '\'' or '"':
                    return String();
                case '-' or (>= '0' and <= '9'):
                    return Integer();
            }
            var start = _at;
            while (_at < text.Length && char.IsAsciiLetter(text[_at])) _at++;
            return text[start.._at] switch
            {
                "True" => true,
                "False" => false,
                "None" => null,
                _ => throw Unexpected(start),
            };
        }

        private Dictionary<string, object?> Dict()
        {
            _at++;
            var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
            while (!Closes('}'))
            {
                var keyAt = _at;
                if (Value() is not string key) throw new FormatException($"a key at position {keyAt} is not a string");
                SkipSpace();
                if (_at >= text.Length || text[_at] != ':') throw Unexpected();
                _at++;
                dict[key] = Value();
                Separator('}');
            }
            return dict;
        }

        private List<object?> Sequence(char close)
        {
            _at++;
            var items = new List<object?>();
            while (!Closes(close))
            {
                items.Add(Value());
                Separator(close);
            }
            return items;
        }

        private string String()
        {
            var quote = text[_at++];
            var value = new System.Text.StringBuilder();
            while (_at < text.Length && text[_at] != quote)
            {
                if (text[_at] == '\\' && _at + 1 < text.Length) _at++; // an escaped character stands for itself here
                value.Append(text[_at++]);
            }
            if (_at >= text.Length) throw new FormatException("a string is not closed");
            _at++;
            return value.ToString();
        }

        private long Integer()
        {
            var start = _at;
            if (text[_at] == '-') _at++;
            while (_at < text.Length && char.IsAsciiDigit(text[_at])) _at++;
            if (!long.TryParse(text.AsSpan(start, _at - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                throw Unexpected(start);
            if (_at < text.Length && text[_at] == 'L') _at++; // Python 2 wrote long integers with a suffix
            return value;
        }

        // True (and past the bracket) at the closing bracket; the caller reads another item otherwise.
        private bool Closes(char close)
        {
            SkipSpace();
            if (_at >= text.Length) throw new FormatException($"it ends before the closing '{close}'");
            if (text[_at] != close) return false;
            _at++;
            return true;
        }

        // After an item: a comma, or the closing bracket itself (left for Closes to consume).
        private void Separator(char close)
        {
            SkipSpace();
            if (_at >= text.Length) throw new FormatException($"it ends before the closing '{close}'");
            if (text[_at] == ',') _at++;
            else if (text[_at] != close) throw Unexpected();
        }

        private void SkipSpace()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at])) _at++;
        }

        private FormatException Unexpected(int? at = null)
        {
            var position = at ?? _at;
            return position >= text.Length
                ? new FormatException("it ends too early")
                : new FormatException($"unexpected '{text[position]}' at position {position}");
        }
    }
}
