using Statmgr.Earthworm.Logging;

namespace Statmgr.Tests;

/// <summary>The texts alone of what a <see cref="CollectingLogit"/> kept, for tests that compare lines but not flags.</summary>
internal static class CollectingLogitTexts
{
    extension(CollectingLogit log)
    {
        /// <summary>Every entry's text, in order.</summary>
        public IReadOnlyList<string> Texts => log.Entries.Select(entry => entry.Text).ToArray();
    }
}
