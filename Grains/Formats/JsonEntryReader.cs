using System.Text.Json;

namespace Codecov.Grains.Formats;

/// <summary>
/// Streams the entries of one container inside a JSON report (the root, or the object/array at a
/// key path such as <c>files</c>), handing each entry to the caller as its own small document.
/// Only one entry is ever held in memory, never the whole report.
/// </summary>
internal sealed class JsonEntryReader(Stream stream, string format)
{
    /// <summary>The largest single entry (one file's coverage) accepted.</summary>
    private const int MaxEntryBytes = 512 * 1024 * 1024;

    private byte[] buffer = new byte[64 * 1024];
    private int length;
    private bool final;
    private bool bomChecked;

    /// <summary>Calls <paramref name="onEntry"/> with each key (or index) and value of the container at <paramref name="path"/>.</summary>
    public void ForEach(IReadOnlyList<string> path, Action<string, JsonElement> onEntry) => ForEachOf([path], onEntry);

    /// <summary>As <see cref="ForEach"/>, for the first of several key paths whose first key the report holds.</summary>
    public void ForEachOf(IReadOnlyList<IReadOnlyList<string>> paths, Action<string, JsonElement> onEntry)
    {
        var walker = new Walker(paths);
        var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            while (true)
            {
                Fill();
                var reader = new Utf8JsonReader(buffer.AsSpan(0, length), final, state);
                var done = walker.Walk(ref reader, onEntry);
                state = reader.CurrentState;
                var consumed = (int)reader.BytesConsumed;
                if (done || (final && consumed == length)) return;
                if (final) throw ReportRejectedException.Malformed(format, "the JSON ends in the middle of a value (is the file truncated?).");
                Shift(consumed);
            }
        }
        catch (JsonException e)
        {
            throw ReportRejectedException.Malformed(format, $"invalid JSON at line {e.LineNumber + 1}: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            // Utf8JsonReader checks structure, not text: reading a string that is not valid UTF-8 (or a lone
            // surrogate escape) throws this from GetString in the format's entry handler. Found by the fuzz run.
            throw ReportRejectedException.Malformed(format, $"the JSON holds a value that cannot be read as text ({e.Message})");
        }
    }

    private void Fill()
    {
        while (!final && length < buffer.Length)
        {
            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0) final = true;
            length += read;
        }
        if (!bomChecked && (length >= 3 || final))
        {
            bomChecked = true;
            if (length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF) Shift(3);
        }
    }

    private void Shift(int consumed)
    {
        if (consumed == 0 && length == buffer.Length)
        {
            if (buffer.Length >= MaxEntryBytes) throw ReportRejectedException.Malformed(format, "a single entry is larger than 512 MB.");
            Array.Resize(ref buffer, buffer.Length * 2);
            return;
        }
        Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
        length -= consumed;
    }

    /// <summary>Walks tokens, tracking how much of the key path is open; survives being resumed with more data.</summary>
    private sealed class Walker(IReadOnlyList<IReadOnlyList<string>> candidates)
    {
        private IReadOnlyList<string> path = candidates[0];
        private bool chosen = candidates.Count == 1;
        private int matched;          // how many keys of the path are open; the open container's depth
        private bool rootSeen;
        private bool containerIsArray;
        private int index;
        private string? pendingKey;   // a path key whose value is next

        /// <summary>Reads as far as the buffer allows; true once the container has been closed.</summary>
        public bool Walk(ref Utf8JsonReader reader, Action<string, JsonElement> onEntry)
        {
            while (true)
            {
                var mark = reader;
                if (!reader.Read()) return false;
                var depth = reader.CurrentDepth;
                var token = reader.TokenType;
                if (!rootSeen)
                {
                    rootSeen = true;
                    if (path.Count == 0) { containerIsArray = token == JsonTokenType.StartArray; if (!IsStart(token)) return true; }
                    else if (token != JsonTokenType.StartObject) return true;
                    continue;
                }
                if (matched == path.Count && depth == path.Count + 1 && IsEntry(token, containerIsArray))
                {
                    if (!ReadEntry(ref reader, onEntry)) { reader = mark; return false; }
                    continue;
                }
                if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    // Only the container (or, when the path is missing, an ancestor) can close at this depth.
                    if (depth == matched) return true;
                    continue;
                }
                if (token == JsonTokenType.PropertyName && depth == matched + 1 && matched < path.Count)
                {
                    if (!chosen) Choose(ref reader);
                    pendingKey = reader.ValueTextEquals(path[matched]) ? path[matched] : null;
                    continue;
                }
                if (pendingKey is not null && depth == matched + 1)
                {
                    pendingKey = null;
                    if (!IsStart(token)) continue;
                    matched++;
                    containerIsArray = token == JsonTokenType.StartArray;
                    continue;
                }
                if (IsStart(token) && !reader.TrySkip()) { reader = mark; return false; }
            }
        }

        /// <summary>Settles on the candidate path whose first key this is, the first one seen winning.</summary>
        private void Choose(ref Utf8JsonReader reader)
        {
            foreach (var candidate in candidates)
            {
                if (candidate.Count == 0 || !reader.ValueTextEquals(candidate[0])) continue;
                path = candidate;
                chosen = true;
                return;
            }
        }

        private static bool IsStart(JsonTokenType t) => t is JsonTokenType.StartObject or JsonTokenType.StartArray;

        private static bool IsEntry(JsonTokenType token, bool inArray) =>
            inArray ? token is not (JsonTokenType.EndArray or JsonTokenType.EndObject) : token == JsonTokenType.PropertyName;

        private bool ReadEntry(ref Utf8JsonReader reader, Action<string, JsonElement> onEntry)
        {
            string key;
            if (containerIsArray) key = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            else
            {
                key = reader.GetString()!;
                if (!reader.Read()) return false;
            }
            var probe = reader;
            if (!probe.TrySkip()) return false;
            using (var doc = JsonDocument.ParseValue(ref reader)) onEntry(key, doc.RootElement);
            if (containerIsArray) index++;
            return true;
        }
    }
}
