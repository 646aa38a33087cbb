// The C++ twin of GanKit.Benchmarks: the tutorial GAN steps written against libtorch's C++
// frontend, timed step by step. The managed harness runs this program beside its own workloads
// with the same thread count, device and step counts, and reads the JSON it prints.
//
// Usage: gan_steps --workload N [--threads T] [--warmup W] [--steps S] [--device cpu|cuda] [--seed K] [--batch B]
// (--batch overrides the tutorial's batch size; the quick smoke run uses it to stay short).
// Prints one JSON object: {"workload": N, "device": ..., "threads": T, "seconds": [per-step wall seconds],
// "cpu_seconds": [per-step processor seconds of the whole process, robust to other load on the machine],
// "minor_faults": [per-step minor page faults of the whole process]}.

#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <dlfcn.h>
#include <sys/resource.h>
#include <memory>
#include <string>
#include <vector>

namespace nn = torch::nn;
namespace optim = torch::optim;

namespace {

// Every workload shares this shape: build models and optimisers once, then run one full GAN step
// (D update on real and fake, then G update) per call.
struct Workload {
  virtual ~Workload() = default;
  virtual void step() = 0;
};

// 1. d2l's 2-D Gaussian GAN, batch 8: G Linear(2,2); D 2→5→3→1 with tanh; BCE on logits
//    (summed, as d2l does); Adam 0.05 for D and 0.005 for G. G(Z) is recomputed for G's update.
struct GaussianGan : Workload {
  int64_t batch;
  nn::Linear G{2, 2};
  nn::Sequential D{nn::Linear(2, 5), nn::Tanh(), nn::Linear(5, 3), nn::Tanh(), nn::Linear(3, 1)};
  nn::BCEWithLogitsLoss loss{nn::BCEWithLogitsLossOptions().reduction(torch::kSum)};
  std::unique_ptr<optim::Adam> opt_D, opt_G;
  torch::TensorOptions opts;
  torch::Tensor real, ones, zeros;

  GaussianGan(torch::Device device, int64_t batch) : batch(batch), opts(torch::TensorOptions().device(device)) {
    G->to(device);
    D->to(device);
    opt_D = std::make_unique<optim::Adam>(D->parameters(), optim::AdamOptions(0.05));
    opt_G = std::make_unique<optim::Adam>(G->parameters(), optim::AdamOptions(0.005));
    auto A = torch::tensor({1.0f, 2.0f, -0.1f, 0.5f}, opts).view({2, 2});
    auto b = torch::tensor({1.0f, 2.0f}, opts);
    real = torch::randn({batch, 2}, opts).matmul(A) + b;
    ones = torch::ones({batch, 1}, opts);
    zeros = torch::zeros({batch, 1}, opts);
  }

  void step() override {
    auto Z = torch::randn({batch, 2}, opts);
    opt_D->zero_grad();
    auto loss_D = (loss(D->forward(real), ones) + loss(D->forward(G->forward(Z).detach()), zeros)) / 2;
    loss_D.backward();
    opt_D->step();
    opt_G->zero_grad();
    auto loss_G = loss(D->forward(G->forward(Z)), ones);
    loss_G.backward();
    opt_G->step();
  }
};

// 2. PointGAN, batch 64: G y = w·x + b with x ~ U(−1, 1); D Linear(1,2), tanh, Linear(2,1),
//    sigmoid; the real value is 1. D's loss is one BCE over the stacked fake and real outputs;
//    G's is BCE(D(G(x)), 1). Adam 0.01 for both (the issue leaves the optimiser open).
struct PointGan : Workload {
  int64_t batch;
  nn::Linear G{1, 1};
  nn::Sequential D{nn::Linear(1, 2), nn::Tanh(), nn::Linear(2, 1), nn::Sigmoid()};
  nn::BCELoss loss;
  std::unique_ptr<optim::Adam> opt_D, opt_G;
  torch::TensorOptions opts;
  torch::Tensor real, targets_D, ones;

  PointGan(torch::Device device, int64_t batch) : batch(batch), opts(torch::TensorOptions().device(device)) {
    G->to(device);
    D->to(device);
    opt_D = std::make_unique<optim::Adam>(D->parameters(), optim::AdamOptions(0.01));
    opt_G = std::make_unique<optim::Adam>(G->parameters(), optim::AdamOptions(0.01));
    real = torch::ones({batch, 1}, opts);
    ones = torch::ones({batch, 1}, opts);
    targets_D = torch::cat({torch::zeros({batch, 1}, opts), ones});
  }

  void step() override {
    auto x = torch::empty({batch, 1}, opts).uniform_(-1, 1);
    auto fake = G->forward(x);
    opt_D->zero_grad();
    auto loss_D = loss(D->forward(torch::cat({fake.detach(), real})), targets_D);
    loss_D.backward();
    opt_D->step();
    opt_G->zero_grad();
    auto loss_G = loss(D->forward(fake), ones);
    loss_G.backward();
    opt_G->step();
  }
};

// The DCGAN-tutorial step shared by workloads 3, 5 and 6: D on real (target 1) and on the detached
// fake (target 0), summed; then G through D on the same fake (target 1), or with fresh_noise_for_G
// (Jovian's template, workload 6) on a fake from fresh noise. BCE, Adam 2e-4, β1 0.5.
struct DcganStyleStep : Workload {
  nn::Sequential G, D;
  nn::BCELoss loss;
  std::unique_ptr<optim::Adam> opt_D, opt_G;
  torch::Tensor real, ones, zeros;
  std::vector<int64_t> noise_shape;
  bool fresh_noise_for_G;
  torch::TensorOptions opts;

  DcganStyleStep(nn::Sequential g, nn::Sequential d, torch::Device device, std::vector<int64_t> real_shape,
                 std::vector<int64_t> noise, bool fresh_noise_for_G = false)
      : G(std::move(g)), D(std::move(d)), noise_shape(std::move(noise)), fresh_noise_for_G(fresh_noise_for_G),
        opts(torch::TensorOptions().device(device)) {
    G->to(device);
    D->to(device);
    auto adam = optim::AdamOptions(2e-4).betas({0.5, 0.999});
    opt_D = std::make_unique<optim::Adam>(D->parameters(), adam);
    opt_G = std::make_unique<optim::Adam>(G->parameters(), adam);
    real = torch::rand(real_shape, opts) * 2 - 1;
    ones = torch::ones({real_shape[0]}, opts);
    zeros = torch::zeros({real_shape[0]}, opts);
  }

  void step() override {
    auto fake = G->forward(torch::randn(noise_shape, opts));
    opt_D->zero_grad();
    auto loss_D = loss(D->forward(real).view(-1), ones) + loss(D->forward(fake.detach()).view(-1), zeros);
    loss_D.backward();
    opt_D->step();
    opt_G->zero_grad();
    if (fresh_noise_for_G) fake = G->forward(torch::randn(noise_shape, opts));
    auto loss_G = loss(D->forward(fake).view(-1), ones);
    loss_G.backward();
    opt_G->step();
  }
};

// 3. MLP MNIST GAN, batch 64: G 100→256→512→1024→784, D 784→512→256→1.
std::unique_ptr<Workload> mlp_mnist_gan(torch::Device device, int64_t batch) {
  auto lrelu = [] { return nn::LeakyReLU(nn::LeakyReLUOptions().negative_slope(0.2)); };
  nn::Sequential G(nn::Linear(100, 256), lrelu(), nn::Linear(256, 512), lrelu(), nn::Linear(512, 1024), lrelu(),
                   nn::Linear(1024, 784), nn::Tanh());
  nn::Sequential D(nn::Linear(784, 512), lrelu(), nn::Linear(512, 256), lrelu(), nn::Linear(256, 1), nn::Sigmoid());
  return std::make_unique<DcganStyleStep>(G, D, device, std::vector<int64_t>{batch, 784}, std::vector<int64_t>{batch, 100});
}

// 5. DCGAN-64, batch 64: the PyTorch DCGAN tutorial's networks (nz 100, ngf = ndf = 64, 3 channels).
std::unique_ptr<Workload> dcgan64(torch::Device device, int64_t batch) {
  auto up = [](int64_t in, int64_t out, int64_t stride, int64_t pad) {
    return nn::ConvTranspose2d(nn::ConvTranspose2dOptions(in, out, 4).stride(stride).padding(pad).bias(false));
  };
  auto down = [](int64_t in, int64_t out, int64_t stride, int64_t pad) {
    return nn::Conv2d(nn::Conv2dOptions(in, out, 4).stride(stride).padding(pad).bias(false));
  };
  auto lrelu = [] { return nn::LeakyReLU(nn::LeakyReLUOptions().negative_slope(0.2)); };
  nn::Sequential G(up(100, 512, 1, 0), nn::BatchNorm2d(512), nn::ReLU(),
                   up(512, 256, 2, 1), nn::BatchNorm2d(256), nn::ReLU(),
                   up(256, 128, 2, 1), nn::BatchNorm2d(128), nn::ReLU(),
                   up(128, 64, 2, 1), nn::BatchNorm2d(64), nn::ReLU(),
                   up(64, 3, 2, 1), nn::Tanh());
  nn::Sequential D(down(3, 64, 2, 1), lrelu(),
                   down(64, 128, 2, 1), nn::BatchNorm2d(128), lrelu(),
                   down(128, 256, 2, 1), nn::BatchNorm2d(256), lrelu(),
                   down(256, 512, 2, 1), nn::BatchNorm2d(512), lrelu(),
                   down(512, 1, 1, 0), nn::Sigmoid());
  return std::make_unique<DcganStyleStep>(G, D, device, std::vector<int64_t>{batch, 3, 64, 64}, std::vector<int64_t>{batch, 100, 1, 1});
}

// 6. The step notebook 04 trains (Jovian's DCGAN template), batch 128: G latent 128, D with batch norm after its
//    first convolution too; the DCGAN step with fresh noise for G's update.
std::unique_ptr<Workload> jovian_dcgan(torch::Device device, int64_t batch) {
  auto up = [](int64_t in, int64_t out, int64_t stride, int64_t pad) {
    return nn::ConvTranspose2d(nn::ConvTranspose2dOptions(in, out, 4).stride(stride).padding(pad).bias(false));
  };
  auto down = [](int64_t in, int64_t out, int64_t stride, int64_t pad) {
    return nn::Conv2d(nn::Conv2dOptions(in, out, 4).stride(stride).padding(pad).bias(false));
  };
  auto lrelu = [] { return nn::LeakyReLU(nn::LeakyReLUOptions().negative_slope(0.2)); };
  nn::Sequential G(up(128, 512, 1, 0), nn::BatchNorm2d(512), nn::ReLU(),
                   up(512, 256, 2, 1), nn::BatchNorm2d(256), nn::ReLU(),
                   up(256, 128, 2, 1), nn::BatchNorm2d(128), nn::ReLU(),
                   up(128, 64, 2, 1), nn::BatchNorm2d(64), nn::ReLU(),
                   up(64, 3, 2, 1), nn::Tanh());
  nn::Sequential D(down(3, 64, 2, 1), nn::BatchNorm2d(64), lrelu(),
                   down(64, 128, 2, 1), nn::BatchNorm2d(128), lrelu(),
                   down(128, 256, 2, 1), nn::BatchNorm2d(256), lrelu(),
                   down(256, 512, 2, 1), nn::BatchNorm2d(512), lrelu(),
                   down(512, 1, 1, 0), nn::Sigmoid());
  return std::make_unique<DcganStyleStep>(G, D, device, std::vector<int64_t>{batch, 3, 64, 64},
                                          std::vector<int64_t>{batch, 128, 1, 1}, true);
}

// 4. Bulten's Keras MNIST GAN as the notebook trains it (TUTORIALS.md §2.3–2.5, §7): TF 'same'
//    padding (asymmetric (1, 2) before the 28→14 and 14→7 convolutions: padding 1 plus one zero row
//    and column, as the library's model; the symmetric (2, 2) of 7→4 and 4→4 is the convolution's own padding 2), Keras' BN (ε 1e-3, momentum 0.1 in
//    PyTorch's terms), LeakyReLU 0.3, dropout 0.4 after D's convolutions 2–4 and after G's reshape.
//    D trains on [real; fake], the fake made by G in eval mode without gradient (Keras' predict);
//    G's update runs G in train mode on fresh noise U(−1, 1). BCE on probabilities clamped to
//    [1e-7, 1 − 1e-7]; gradients clamped to [−1, 1] before each step (clipvalue 1.0); D RMSprop 8e-4
//    (α 0.9, ε 1e-7), G Adam 4e-4. Keras' decay of 1e-10 is left out.
struct BultenMnistGan : Workload {
  static constexpr double probability_clamp = 1e-7;
  static constexpr double clip_value = 1.0;
  int64_t batch;
  nn::Sequential G, D;
  nn::BCELoss loss;
  std::unique_ptr<optim::RMSprop> opt_D;
  std::unique_ptr<optim::Adam> opt_G;
  torch::TensorOptions opts;
  torch::Tensor real, targets_D, ones;

  static nn::LeakyReLU lrelu() { return nn::LeakyReLU(nn::LeakyReLUOptions().negative_slope(0.3)); }

  // TF's (1, 2) padding as the library's model does it: the convolution pads 1 on every side, and a
  // ZeroPad2d adds the extra bottom row and right column.
  static nn::ZeroPad2d extra_pad() { return nn::ZeroPad2d(nn::ZeroPad2dOptions({0, 1, 0, 1})); }

  static nn::Sequential generator() {
    auto conv = [](int64_t in, int64_t out) { return nn::Conv2d(nn::Conv2dOptions(in, out, 5).padding(2)); };
    auto upsample = [] {
      return nn::Upsample(nn::UpsampleOptions().scale_factor(std::vector<double>{2, 2}).mode(torch::kNearest));
    };
    auto bn2d = [](int64_t features) { return nn::BatchNorm2d(nn::BatchNorm2dOptions(features).eps(1e-3).momentum(0.1)); };
    return nn::Sequential(nn::Linear(100, 12544), nn::BatchNorm1d(nn::BatchNorm1dOptions(12544).eps(1e-3).momentum(0.1)), lrelu(),
                          nn::Unflatten(nn::UnflattenOptions(1, {256, 7, 7})), nn::Dropout(0.4),
                          upsample(), conv(256, 128), bn2d(128), lrelu(),
                          upsample(), conv(128, 64), bn2d(64), lrelu(),
                          conv(64, 32), bn2d(32), lrelu(),
                          conv(32, 1), nn::Sigmoid());
  }

  static nn::Sequential discriminator() {
    auto conv = [](int64_t in, int64_t out, int64_t stride, int64_t padding) {
      return nn::Conv2d(nn::Conv2dOptions(in, out, 5).stride(stride).padding(padding));
    };
    return nn::Sequential(extra_pad(), conv(1, 64, 2, 1), lrelu(),
                          extra_pad(), conv(64, 128, 2, 1), lrelu(), nn::Dropout(0.4),
                          conv(128, 256, 2, 2), lrelu(), nn::Dropout(0.4),
                          conv(256, 512, 1, 2), lrelu(), nn::Dropout(0.4),
                          nn::Flatten(), nn::Linear(512 * 4 * 4, 1), nn::Sigmoid());
  }

  BultenMnistGan(torch::Device device, int64_t batch)
      : batch(batch), G(generator()), D(discriminator()), opts(torch::TensorOptions().device(device)) {
    G->to(device);
    D->to(device);
    opt_D = std::make_unique<optim::RMSprop>(D->parameters(), optim::RMSpropOptions(8e-4).alpha(0.9).eps(1e-7));
    opt_G = std::make_unique<optim::Adam>(G->parameters(), optim::AdamOptions(4e-4));
    real = torch::rand({batch, 1, 28, 28}, opts);
    ones = torch::ones({batch, 1}, opts);
    targets_D = torch::cat({ones, torch::zeros({batch, 1}, opts)});
  }

  torch::Tensor noise() { return torch::empty({batch, 100}, opts).uniform_(-1, 1); }

  torch::Tensor bce(const torch::Tensor& probabilities, const torch::Tensor& targets) {
    return loss(probabilities.clamp(probability_clamp, 1 - probability_clamp), targets);
  }

  void step() override {
    torch::Tensor fake;
    G->eval();
    {
      torch::NoGradGuard no_grad;
      fake = G->forward(noise());
    }
    G->train();

    opt_D->zero_grad();
    auto loss_D = bce(D->forward(torch::cat({real, fake})), targets_D);
    loss_D.backward();
    nn::utils::clip_grad_value_(D->parameters(), clip_value);
    opt_D->step();

    opt_G->zero_grad();
    auto loss_G = bce(D->forward(G->forward(noise())), ones);
    loss_G.backward();
    nn::utils::clip_grad_value_(G->parameters(), clip_value);
    opt_G->step();
  }
};

// batch 0 means the tutorial's own batch size.
std::unique_ptr<Workload> make_workload(int number, torch::Device device, int64_t batch) {
  auto or_default = [batch](int64_t tutorial) { return batch > 0 ? batch : tutorial; };
  switch (number) {
    case 1: return std::make_unique<GaussianGan>(device, or_default(8));
    case 2: return std::make_unique<PointGan>(device, or_default(64));
    case 3: return mlp_mnist_gan(device, or_default(64));
    case 4: return std::make_unique<BultenMnistGan>(device, or_default(256));
    case 5: return dcgan64(device, or_default(64));
    case 6: return jovian_dcgan(device, or_default(128));
  }
  throw std::invalid_argument("no workload " + std::to_string(number) + " (there are 1 to 6)");
}

// OpenBLAS must not start its own thread pool beside libtorch's, exactly as the managed shim does.
void single_threaded_openblas() {
  using SetThreads = void (*)(int);
  if (auto set_threads = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"))) set_threads(1);
}

// Minor page faults of the process so far: pages the kernel had to map on first touch.
long minor_faults() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_minflt;
}

double process_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

void print_array(const char* name, const std::vector<double>& values) {
  std::printf("\"%s\": [", name);
  for (size_t k = 0; k < values.size(); ++k) std::printf(k ? ", %.9f" : "%.9f", values[k]);
  std::printf("]");
}

struct Options {
  int workload = 1, threads = 1, warmup = 10, steps = 100;
  int64_t seed = 1, batch = 0;
  std::string device = "cpu";
};

Options parse(int argc, char** argv) {
  Options o;
  for (int k = 1; k < argc; ++k) {
    std::string name = argv[k];
    if (k + 1 >= argc) throw std::invalid_argument("missing value after " + name);
    std::string value = argv[++k];
    if (name == "--workload") o.workload = std::stoi(value);
    else if (name == "--threads") o.threads = std::stoi(value);
    else if (name == "--warmup") o.warmup = std::stoi(value);
    else if (name == "--steps") o.steps = std::stoi(value);
    else if (name == "--seed") o.seed = std::stoll(value);
    else if (name == "--batch") o.batch = std::stoll(value);
    else if (name == "--device") o.device = value;
    else throw std::invalid_argument("unknown option " + name);
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    Options o = parse(argc, argv);
    single_threaded_openblas();
    at::set_num_threads(o.threads);
    torch::manual_seed(o.seed);
    torch::Device device(o.device);
    bool cuda = device.is_cuda();
    auto workload = make_workload(o.workload, device, o.batch);

    for (int k = 0; k < o.warmup; ++k) workload->step();
    if (cuda) torch::cuda::synchronize();
    std::vector<double> seconds, cpu_seconds, faults;
    seconds.reserve(o.steps);
    cpu_seconds.reserve(o.steps);
    faults.reserve(o.steps);
    for (int k = 0; k < o.steps; ++k) {
      long faults_start = minor_faults();
      double cpu_start = process_cpu_seconds();
      auto start = std::chrono::steady_clock::now();
      workload->step();
      if (cuda) torch::cuda::synchronize();  // a step is done when its kernels are
      seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      cpu_seconds.push_back(process_cpu_seconds() - cpu_start);
      faults.push_back(static_cast<double>(minor_faults() - faults_start));
    }

    std::printf("{\"workload\": %d, \"device\": \"%s\", \"threads\": %d, ", o.workload, o.device.c_str(), at::get_num_threads());
    print_array("seconds", seconds);
    std::printf(", ");
    print_array("cpu_seconds", cpu_seconds);
    std::printf(", ");
    print_array("minor_faults", faults);
    std::printf("}\n");
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "gan_steps: %s\n", e.what());
    return 1;
  }
}
