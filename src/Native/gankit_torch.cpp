// GanKit's native shim: a deliberately small C ABI over libtorch.
//
// Instead of one exported function per operator, operators are looked up once by schema in the
// ATen dispatcher and called boxed with a typed argument stack. Adding an op is then managed code
// only, and autograd is recorded because the boxed call goes through the same dispatch keys.
// Every entry point returns 0 on success or -1 with the message kept for gk_last_error.

#include <torch/torch.h>
#include <torch/script.h>
#include <torch/version.h>
#include <ATen/core/dispatch/Dispatcher.h>
#include <ATen/Parallel.h>
#include <ATen/CPUGeneratorImpl.h>

#include <cstring>
#include <sstream>
#include <dlfcn.h>
#include <mutex>
#include <string>
#include <vector>

#define GK_API extern "C" __attribute__((visibility("default")))

namespace {

thread_local std::string last_error;

template <typename F>
int guarded(F&& body) {
  try {
    body();
    return 0;
  } catch (const c10::Error& e) {
    last_error = e.what_without_backtrace();
  } catch (const std::exception& e) {
    last_error = e.what();
  } catch (...) {
    last_error = "unknown native error";
  }
  return -1;
}

using Handle = at::Tensor*;

inline const at::Tensor& ref(Handle h) {
  static const at::Tensor undefined;
  return h ? *h : undefined;
}

inline Handle own(at::Tensor t) { return t.defined() ? new at::Tensor(std::move(t)) : nullptr; }

// Tags of the argument stack; the managed side (NativeValue.cs) mirrors them.
enum Tag : int32_t {
  kNone = 0,
  kTensor = 1,          // p: handle (null = undefined/None)
  kInt = 2,             // i
  kDouble = 3,          // d
  kBool = 4,            // i
  kIntList = 5,         // p: int64_t[], i: length
  kDoubleList = 6,      // p: double[], i: length
  kTensorList = 7,      // p: handle[], i: length
  kOptTensorList = 8,   // p: handle[] (null entries are None), i: length
  kScalarType = 9,      // i
  kDevice = 10,         // i: device type, d: index (as double to keep the struct flat)
  kString = 11,         // p: UTF-8, zero-terminated
  kBoolList = 12,       // p: uint8_t[], i: length
};

struct Value {
  int32_t tag;
  int32_t reserved;
  int64_t i;
  double d;
  void* p;
};

c10::IValue to_ivalue(const Value& v) {
  switch (v.tag) {
    case kNone: return c10::IValue();
    case kTensor: return v.p ? c10::IValue(*static_cast<Handle>(v.p)) : c10::IValue();
    case kInt: return c10::IValue(v.i);
    case kDouble: return c10::IValue(v.d);
    case kBool: return c10::IValue(v.i != 0);
    case kIntList: {
      auto data = static_cast<const int64_t*>(v.p);
      return c10::IValue(std::vector<int64_t>(data, data + v.i));
    }
    case kDoubleList: {
      auto data = static_cast<const double*>(v.p);
      return c10::IValue(std::vector<double>(data, data + v.i));
    }
    case kBoolList: {
      auto data = static_cast<const uint8_t*>(v.p);
      c10::List<bool> list;
      for (int64_t k = 0; k < v.i; ++k) list.push_back(data[k] != 0);
      return c10::IValue(list);
    }
    case kTensorList: {
      auto data = static_cast<Handle*>(v.p);
      c10::List<at::Tensor> list;
      list.reserve(v.i);
      for (int64_t k = 0; k < v.i; ++k) list.push_back(ref(data[k]));
      return c10::IValue(list);
    }
    case kOptTensorList: {
      auto data = static_cast<Handle*>(v.p);
      c10::List<c10::optional<at::Tensor>> list;
      list.reserve(v.i);
      for (int64_t k = 0; k < v.i; ++k)
        list.push_back(data[k] ? c10::optional<at::Tensor>(*data[k]) : c10::nullopt);
      return c10::IValue(list);
    }
    case kScalarType: return c10::IValue(static_cast<c10::ScalarType>(v.i));
    case kDevice:
      return c10::IValue(c10::Device(static_cast<c10::DeviceType>(v.i), static_cast<c10::DeviceIndex>(v.d)));
    case kString: return c10::IValue(std::string(static_cast<const char*>(v.p)));
  }
  throw std::invalid_argument("unknown argument tag " + std::to_string(v.tag));
}

// Flattens one result into the output buffer: tensors and tensor lists become handles,
// tuples are unpacked, numbers come back as kInt/kDouble/kBool.
void push_output(const c10::IValue& v, Value* outs, int outcap, int& n) {
  auto put = [&](Value value) {
    if (n < outcap) outs[n] = value;
    ++n;
  };
  if (v.isTensor()) {
    Handle h = n < outcap ? own(v.toTensor()) : nullptr;
    put(Value{kTensor, 0, 0, 0.0, h});
  } else if (v.isTensorList()) {
    for (at::Tensor t : v.toTensorList()) {   // by value: a list element is a proxy, and GCC 14 warns on a reference through it
      Handle h = n < outcap ? own(t) : nullptr;
      put(Value{kTensor, 0, 0, 0.0, h});
    }
  } else if (v.isTuple()) {
    for (const auto& e : v.toTupleRef().elements()) push_output(e, outs, outcap, n);
  } else if (v.isList()) {
    for (const auto& e : v.toListRef()) push_output(e, outs, outcap, n);
  } else if (v.isInt()) {
    put(Value{kInt, 0, v.toInt(), 0.0, nullptr});
  } else if (v.isDouble()) {
    put(Value{kDouble, 0, 0, v.toDouble(), nullptr});
  } else if (v.isBool()) {
    put(Value{kBool, 0, v.toBool() ? 1 : 0, 0.0, nullptr});
  } else if (v.isNone()) {
    put(Value{kNone, 0, 0, 0.0, nullptr});
  } else {
    throw std::runtime_error(std::string("unsupported result type ") + v.tagKind());
  }
}

void release_outputs(Value* outs, int n) {
  for (int k = 0; k < n; ++k)
    if (outs[k].tag == kTensor) delete static_cast<Handle>(outs[k].p);
}

}  // namespace

// ---- errors, library -----------------------------------------------------------------------

GK_API const char* gk_last_error() { return last_error.c_str(); }

GK_API const char* gk_torch_version() { return TORCH_VERSION; }

// OpenBLAS must not run a thread pool beside libtorch's OpenMP threads (it doubled a DCGAN step).
// Returns the BLAS description, or an empty string when libtorch is not on OpenBLAS.
GK_API const char* gk_blas_info() {
  using SetThreads = void (*)(int);
  using GetConfig = char* (*)();
  static std::string info = [] {
    if (auto set_threads = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
      set_threads(1);
    auto get_config = reinterpret_cast<GetConfig>(dlsym(RTLD_DEFAULT, "openblas_get_config"));
    return get_config ? std::string("OpenBLAS ") + get_config() : std::string();
  }();
  return info.c_str();
}

GK_API void gk_set_num_threads(int n) { at::set_num_threads(n); }
GK_API int gk_get_num_threads() { return at::get_num_threads(); }
GK_API int gk_manual_seed(int64_t seed) {
  return guarded([&] { torch::manual_seed(static_cast<uint64_t>(seed)); });
}
// The default CPU generator's state as a uint8 tensor (PyTorch's torch.get_rng_state), and back.
GK_API int gk_get_rng_state(Handle* out) {
  return guarded([&] {
    auto gen = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(gen.mutex());
    *out = own(gen.get_state());
  });
}
GK_API int gk_set_rng_state(Handle state) {
  return guarded([&] {
    auto gen = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(gen.mutex());
    gen.set_state(ref(state));
  });
}
GK_API int gk_cuda_is_available() { return torch::cuda::is_available() ? 1 : 0; }
GK_API int gk_cuda_device_count() { return static_cast<int>(torch::cuda::device_count()); }
GK_API int gk_cuda_manual_seed_all(int64_t seed) {
  return guarded([&] { torch::cuda::manual_seed_all(static_cast<uint64_t>(seed)); });
}
GK_API int gk_cuda_synchronize(int device) {
  return guarded([&] { torch::cuda::synchronize(device); });
}

// ---- tensor handles --------------------------------------------------------------------------

GK_API void gk_tensor_free(Handle h) { delete h; }

GK_API int gk_tensor_from_data(const void* data, int32_t dtype, const int64_t* shape, int ndim, Handle* out) {
  return guarded([&] {
    auto t = torch::empty(at::IntArrayRef(shape, ndim), at::TensorOptions().dtype(static_cast<c10::ScalarType>(dtype)));
    if (t.numel() > 0) std::memcpy(t.data_ptr(), data, t.numel() * t.element_size());
    *out = own(std::move(t));
  });
}

// Copies the elements, in row-major order, into dst (which holds exactly numel elements).
GK_API int gk_tensor_copy_out(Handle h, void* dst, int64_t bytes) {
  return guarded([&] {
    auto t = ref(h).detach().to(at::kCPU).contiguous();
    int64_t need = t.numel() * static_cast<int64_t>(t.element_size());
    if (need != bytes) throw std::invalid_argument("copy_out: buffer has " + std::to_string(bytes) + " bytes, tensor needs " + std::to_string(need));
    if (need > 0) std::memcpy(dst, t.data_ptr(), need);
  });
}

// Pointer to the first element of a contiguous CPU tensor, or null when it is not one.
GK_API void* gk_tensor_data_ptr(Handle h) {
  const auto& t = ref(h);
  return t.defined() && t.device().is_cpu() && t.is_contiguous() ? t.data_ptr() : nullptr;
}

struct TensorInfo {
  int32_t dtype;
  int32_t device_type;
  int32_t device_index;
  int32_t ndim;
  int32_t requires_grad;
  int32_t is_leaf;
  int64_t numel;
};

GK_API int gk_tensor_info(Handle h, TensorInfo* info) {
  return guarded([&] {
    const auto& t = ref(h);
    if (!t.defined()) throw std::invalid_argument("undefined tensor");
    info->dtype = static_cast<int32_t>(t.scalar_type());
    info->device_type = static_cast<int32_t>(t.device().type());
    info->device_index = t.device().index();
    info->ndim = static_cast<int32_t>(t.dim());
    info->requires_grad = t.requires_grad();
    info->is_leaf = t.is_leaf();
    info->numel = t.numel();
  });
}

GK_API int gk_tensor_ndim(Handle h) { return static_cast<int>(ref(h).dim()); }
GK_API int gk_tensor_sizes(Handle h, int64_t* out, int cap) {
  const auto& t = ref(h);
  int n = static_cast<int>(t.dim());
  for (int k = 0; k < n && k < cap; ++k) out[k] = t.size(k);
  return n;
}
GK_API int gk_tensor_strides(Handle h, int64_t* out, int cap) {
  const auto& t = ref(h);
  int n = static_cast<int>(t.dim());
  for (int k = 0; k < n && k < cap; ++k) out[k] = t.stride(k);
  return n;
}
GK_API int32_t gk_tensor_dtype(Handle h) { return static_cast<int32_t>(ref(h).scalar_type()); }
// Not through the dispatcher: libtorch 2.x no longer registers aten::is_contiguous as an operator.
GK_API int gk_tensor_is_contiguous(Handle h) { return ref(h).is_contiguous() ? 1 : 0; }

GK_API int gk_tensor_set_requires_grad(Handle h, int requires_grad) {
  return guarded([&] { (*h).set_requires_grad(requires_grad != 0); });
}

// A second handle on the same tensor (TorchSharp's alias()): each handle is freed on its own.
GK_API int gk_tensor_alias(Handle h, Handle* out) {
  return guarded([&] { *out = own(ref(h)); });
}

// A new handle on the gradient, or null when there is none.
GK_API int gk_tensor_grad(Handle h, Handle* out) {
  return guarded([&] { *out = own(ref(h).grad()); });
}

GK_API int gk_tensor_set_grad(Handle h, Handle grad) {
  return guarded([&] { (*h).mutable_grad() = ref(grad); });
}

// ---- the dispatcher ----------------------------------------------------------------------

GK_API int gk_op_find(const char* name, const char* overload, c10::OperatorHandle** out) {
  return guarded([&] {
    *out = new c10::OperatorHandle(c10::Dispatcher::singleton().findSchemaOrThrow(name, overload));
  });
}

// Calls an operator with nargs leading arguments; missing trailing arguments take the schema's
// defaults. Results are flattened into outs (outcap entries; *nout gets the count, which may
// exceed outcap: then nothing is returned and the call fails with the needed count in the message).
// A negative outcap discards the results.
GK_API int gk_op_call(const c10::OperatorHandle* op, const Value* args, int nargs, Value* outs, int outcap, int* nout) {
  thread_local torch::jit::Stack stack;
  return guarded([&] {
    stack.clear();
    const auto& schema = op->schema();
    const auto& formals = schema.arguments();
    if (nargs > static_cast<int>(formals.size()))
      throw std::invalid_argument(schema.name() + ": " + std::to_string(nargs) + " arguments given, schema takes " + std::to_string(formals.size()));
    stack.reserve(formals.size());
    for (int k = 0; k < nargs; ++k) stack.emplace_back(to_ivalue(args[k]));
    for (size_t k = nargs; k < formals.size(); ++k) {
      const auto& dflt = formals[k].default_value();
      if (!dflt) throw std::invalid_argument(schema.name() + ": argument '" + formals[k].name() + "' has no default");
      stack.push_back(*dflt);
    }
    op->callBoxed(&stack);
    int n = 0;
    if (outcap < 0) {  // the caller wants no results (in-place ops return their own input)
      *nout = static_cast<int>(stack.size());
      stack.clear();
      return;
    }
    for (const auto& v : stack) push_output(v, outs, outcap, n);
    stack.clear();
    *nout = n;
    if (n > outcap) {
      release_outputs(outs, outcap);
      throw std::length_error("result has " + std::to_string(n) + " values, room for " + std::to_string(outcap));
    }
  });
}

GK_API const char* gk_op_schema(const c10::OperatorHandle* op) {
  thread_local std::string text;
  std::ostringstream s;
  s << op->schema();
  text = s.str();
  return text.c_str();
}

// ---- autograd -----------------------------------------------------------------------------

GK_API int gk_is_grad_enabled() { return at::GradMode::is_enabled() ? 1 : 0; }
GK_API void gk_set_grad_enabled(int enabled) { at::GradMode::set_enabled(enabled != 0); }

static std::vector<at::Tensor> tensors_of(Handle* hs, int n) {
  std::vector<at::Tensor> v;
  v.reserve(n);
  for (int k = 0; k < n; ++k) v.push_back(ref(hs[k]));
  return v;
}

// retain_graph: -1 = default (same as create_graph), 0 = false, 1 = true.
GK_API int gk_backward(Handle* tensors, Handle* grads, int n, int retain_graph, int create_graph) {
  return guarded([&] {
    c10::optional<bool> retain = retain_graph < 0 ? c10::nullopt : c10::optional<bool>(retain_graph != 0);
    torch::autograd::backward(tensors_of(tensors, n), grads ? tensors_of(grads, n) : std::vector<at::Tensor>{}, retain, create_graph != 0);
  });
}

GK_API int gk_autograd_grad(Handle* outputs, Handle* grad_outputs, int n_out, Handle* inputs, int n_in,
                            int retain_graph, int create_graph, int allow_unused, Handle* result) {
  return guarded([&] {
    c10::optional<bool> retain = retain_graph < 0 ? c10::nullopt : c10::optional<bool>(retain_graph != 0);
    auto grads = torch::autograd::grad(tensors_of(outputs, n_out),
                                       tensors_of(inputs, n_in),
                                       grad_outputs ? tensors_of(grad_outputs, n_out) : std::vector<at::Tensor>{},
                                       retain, create_graph != 0, allow_unused != 0);
    for (int k = 0; k < n_in; ++k) result[k] = own(grads[k]);
  });
}

// ---- TorchScript --------------------------------------------------------------------------

using Script = torch::jit::Module;

// Declared in torch/csrc/jit/codegen/fuser/interface.h, which Debian's libtorch-dev does not install; exported by
// libtorch_cpu in 1.13 and 2.6.
namespace torch::jit {
TORCH_API void overrideCanFuseOnCPU(bool value);
}

GK_API int gk_jit_load(const char* path, int32_t device_type, int32_t device_index, Script** out) {
  return guarded([&] {
    // No TorchScript kernel fusion on the CPU, as in the official builds TorchSharp ships and Debian 12's libtorch 1.13.
    // Debian 13's 2.6 (built with LLVM) fuses, and its fused `x != torch.round(x)` on float32 calls whole numbers not
    // whole from the third call after the input's shape changes (environment.md, "How both are tested").
    torch::jit::overrideCanFuseOnCPU(false);
    *out = new Script(torch::jit::load(path, c10::Device(static_cast<c10::DeviceType>(device_type), static_cast<c10::DeviceIndex>(device_index))));
  });
}

GK_API void gk_jit_free(Script* m) { delete m; }

GK_API int gk_jit_train(Script* m, int on) { return guarded([&] { m->train(on != 0); }); }

GK_API int gk_jit_to(Script* m, int32_t device_type, int32_t device_index) {
  return guarded([&] { m->to(c10::Device(static_cast<c10::DeviceType>(device_type), static_cast<c10::DeviceIndex>(device_index))); });
}

GK_API int gk_jit_forward(Script* m, const Value* args, int nargs, Value* outs, int outcap, int* nout) {
  return guarded([&] {
    std::vector<c10::IValue> inputs;
    inputs.reserve(nargs);
    for (int k = 0; k < nargs; ++k) inputs.push_back(to_ivalue(args[k]));
    auto result = m->forward(inputs);
    int n = 0;
    push_output(result, outs, outcap, n);
    *nout = n;
    if (n > outcap) {
      release_outputs(outs, outcap);
      throw std::length_error("result has " + std::to_string(n) + " values, room for " + std::to_string(outcap));
    }
  });
}

// Named parameters (recursively) of a script module: names joined by '\n' into buf, handles into out.
GK_API int gk_jit_named_parameters(Script* m, char* buf, int bufcap, Handle* out, int outcap, int* n) {
  return guarded([&] {
    std::string names;
    int k = 0;
    for (const auto& p : m->named_parameters(true)) {
      if (k < outcap) out[k] = own(p.value);
      names += p.name;
      names += '\n';
      ++k;
    }
    *n = k;
    std::snprintf(buf, bufcap, "%s", names.c_str());
  });
}
