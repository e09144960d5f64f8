using System.Runtime.CompilerServices;
using LogLens.Analysis;
using LogLens.Events;

namespace LogLens.Tests.Analysis;

/// <summary>
/// Every event type has one number for the whole process (<see cref="EventTypeIds"/>), whether it is asked by type or by event,
/// and whichever slot of the recent numbers the type's handle falls in.
/// </summary>
public class EventTypeIdsTests
{
    [Test]
    public void EveryEventTypeHasOneNumberWhateverTheOrderAndTheWayItIsAskedIn()
    {
        var types = typeof(SshEvent).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(SshEvent)) && !t.IsAbstract)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        types.Should().HaveCountGreaterThan(100);

        var byEvent = types.Select(t => EventTypeIds.Of(Instance(t))).ToList();
        byEvent.Should().OnlyHaveUniqueItems();
        types.AsEnumerable().Reverse().Select(t => EventTypeIds.Of(Instance(t))).Reverse().Should().Equal(byEvent);
        types.Select(t => EventTypeIds.Of(t)).Should().Equal(byEvent);
        byEvent.Select(EventTypeIds.At).Should().Equal(types);
    }

    /// <summary>An event of the type with every field at its default (only its type matters here).</summary>
    private static SshEvent Instance(Type type) => (SshEvent)RuntimeHelpers.GetUninitializedObject(type);
}
