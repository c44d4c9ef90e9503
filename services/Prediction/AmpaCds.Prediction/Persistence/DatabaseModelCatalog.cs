using AmpaCds.Prediction.Model;
using AmpaCds.Prediction.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace AmpaCds.Prediction.Persistence;

/// <summary>The model catalog in Prediction's database, for singletons (ActiveModel, start-up): a scope per call.</summary>
public sealed class DatabaseModelCatalog(IServiceScopeFactory scopes) : IModelCatalog
{
    public string? ReadActiveVersion() => Use(versions => versions.ActiveVersion());

    public void Record(ModelCard card) => Use(versions => versions.Record(card));

    public string? Activate(string version) => Use(versions => versions.Activate(version));

    private T Use<T>(Func<ModelVersionRepository, T> action)
    {
        using var scope = scopes.CreateScope();
        return action(scope.ServiceProvider.GetRequiredService<ModelVersionRepository>());
    }
}
