using AmpaCds.Prediction.Training;
using AmpaCds.Prediction.Model;
using AmpaCds.Prediction.Registry;
using System.Collections.Concurrent;
using AmpaCds.Prediction.Service;

namespace AmpaCds.Prediction.Tests;

/// <summary>Activating versions while forecasts run: no forecast sees a disposed engine, and replaced models are disposed once unused.</summary>
public sealed class ActiveModelLeaseTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ampacds-lease-");

    [Fact]
    public async Task Forecasts_during_activations_use_live_models_and_replaced_models_are_disposed()
    {
        var registry = new ModelRegistry(_folder.FullName);
        // Tree models score through the ML.NET PredictionEngine, the part a dispose would break.
        string[] versions =
        [
            Register(registry, seed: 3),
            Register(registry, seed: 4),
        ];
        Assert.NotEqual(versions[0], versions[1]);
        registry.Activate(versions[0]);
        var activeModel = new ActiveModel(registry);
        // Load the first version before the tasks start: otherwise, on a busy machine, the activator may switch before any
        // forecaster has acquired, and the first version is never loaded (50 loads, not 51).
        using (var first = activeModel.Acquire())
        {
            Assert.Equal(versions[0], first.Model.Version);
        }
        var patient = SharedModels.PatientSuvr();
        var seen = new ConcurrentBag<string>();
        var activations = 0;

        var forecasters = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                using var lease = activeModel.Acquire();
                seen.Add(lease.Model.Forecast(patient).Forecast.ModelVersion);
                // A slow forecast: the lease is held while (usually) another version is activated and loaded,
                // which is when the old code disposed the engine under it. Bounded, whichever comes first.
                var before = Volatile.Read(ref activations);
                SpinWait.SpinUntil(() => Volatile.Read(ref activations) != before, TimeSpan.FromMilliseconds(20));
                var forecast = lease.Model.Forecast(patient).Forecast;
                Assert.InRange(forecast.ResponseProbability, 0, 1);
                seen.Add(forecast.ModelVersion);
            }
        })).ToList();
        var activator = Task.Run(() =>
        {
            for (var i = 1; i <= 50; i++)
            {
                registry.Activate(versions[i % 2]);
                using var lease = activeModel.Acquire(); // loads the new version while forecasts still hold the old one
                Assert.Equal(versions[i % 2], lease.Model.Version);
                Interlocked.Increment(ref activations);
            }
        });

        await Task.WhenAll([.. forecasters, activator]); // rethrows an ObjectDisposedException or NullReferenceException from any task

        Assert.Equal(8 * 200 * 2, seen.Count);
        Assert.All(seen, version => Assert.Contains(version, versions));
        Assert.True(activeModel.LoadedModelCount >= 51, $"{activeModel.LoadedModelCount} loads for 50 switches");
        Assert.Equal(activeModel.LoadedModelCount - 1, activeModel.DisposedModelCount); // every replaced model, none still current
        activeModel.Dispose();
        Assert.Equal(activeModel.LoadedModelCount, activeModel.DisposedModelCount);
    }

    [Fact]
    public void A_replaced_model_stays_usable_until_its_last_lease_is_released()
    {
        var registry = new ModelRegistry(_folder.FullName);
        var first = Register(registry, seed: 3);
        var second = Register(registry, seed: 4);
        registry.Activate(first);
        using var activeModel = new ActiveModel(registry);

        var held = activeModel.Acquire();
        registry.Activate(second);
        using (var current = activeModel.Acquire())
        {
            Assert.Equal(second, current.Model.Version);
        }

        Assert.Equal(0, activeModel.DisposedModelCount);
        Assert.Equal(first, held.Model.Forecast(SharedModels.PatientSuvr()).Forecast.ModelVersion);
        held.Dispose();
        held.Dispose(); // a second release must not release someone else's reference
        Assert.Equal(1, activeModel.DisposedModelCount);
        using var again = activeModel.Acquire();
        Assert.Equal(second, again.Model.Forecast(SharedModels.PatientSuvr()).Forecast.ModelVersion);
    }

    private static string Register(ModelRegistry registry, int seed)
    {
        using var model = ResponseModelTrainer.Train(SharedModels.TrainingCohort(seed, nullSignal: false, n: 120),
            new TrainingOptions { Seed = seed, Trainer = ResponseTrainerKind.FastTree });
        Assert.Null(model.Ensemble);
        return registry.Register(model);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
