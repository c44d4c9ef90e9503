namespace AmpaCds.Prediction.Evaluation;

/// <summary>Stratified, seeded fold assignment: responders and non-responders are spread evenly over the folds.</summary>
internal static class FoldSplitter
{
    /// <summary>Fold number (0..folds-1) of each index in <paramref name="labels"/>; folds = labels.Count gives leave-one-out.</summary>
    public static int[] Assign(IReadOnlyList<bool> labels, int folds, int seed)
    {
        if (folds < 2 || folds > labels.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), $"{folds} folds for {labels.Count} patients.");
        }

        var random = new Random(seed);
        var assignment = new int[labels.Count];
        var next = 0;
        foreach (var classValue in new[] { true, false })
        {
            var members = Enumerable.Range(0, labels.Count).Where(i => labels[i] == classValue).ToArray();
            random.Shuffle(members);
            foreach (var index in members)
            {
                // Continues the round robin across classes, so leave-one-out still gives one patient per fold.
                assignment[index] = next++ % folds;
            }
        }

        return assignment;
    }

    public static (int[] Train, int[] Test) Split(int[] assignment, int fold) =>
        (Enumerable.Range(0, assignment.Length).Where(i => assignment[i] != fold).ToArray(),
         Enumerable.Range(0, assignment.Length).Where(i => assignment[i] == fold).ToArray());
}
