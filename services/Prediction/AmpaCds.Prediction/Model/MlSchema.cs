using Microsoft.ML;
using Microsoft.ML.Data;

namespace AmpaCds.Prediction.Model;

/// <summary>ML.NET column names and the run-time schema of <see cref="ModelInput"/>.</summary>
internal static class MlSchema
{
    public const string Features = nameof(ModelInput.Features);
    public const string Label = nameof(ModelInput.Label);
    public const string MadrsChangePercent = nameof(ModelInput.MadrsChangePercent);
    public const string ResponseProbability = nameof(ModelOutput.ResponseProbability);

    /// <summary>Fixes the feature vector length, which a compile-time attribute cannot because covariates are optional.</summary>
    public static SchemaDefinition InputDefinition(int featureCount)
    {
        var definition = SchemaDefinition.Create(typeof(ModelInput));
        definition[Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return definition;
    }

    public static IDataView Load(MLContext ml, IEnumerable<ModelInput> rows, int featureCount) =>
        ml.Data.LoadFromEnumerable(rows, InputDefinition(featureCount));
}
