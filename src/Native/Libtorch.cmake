# The libtorch and compiler settings shared by the shim (this folder) and the benchmark's C++ twin
# (tests/GanKit.Benchmarks/cpp), so both are built alike against the same libtorch. One variable picks it:
# GANKIT_LIBTORCH_DIR, the folder holding TorchConfig.cmake (Debian's libtorch-dev by default; for CUDA,
# e.g. <site-packages>/torch/share/cmake/Torch). Sets GANKIT_TORCH_LIBDIR, libtorch's library folder, for rpaths.
set(GANKIT_LIBTORCH_DIR "/usr/lib/x86_64-linux-gnu/cmake/Torch" CACHE PATH "Folder containing TorchConfig.cmake")
set(Torch_DIR "${GANKIT_LIBTORCH_DIR}")
find_package(Torch REQUIRED)

set(CMAKE_CXX_STANDARD 17)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
if(NOT CMAKE_BUILD_TYPE)
  set(CMAKE_BUILD_TYPE Release)
endif()

get_filename_component(GANKIT_TORCH_LIBDIR "${TORCH_LIBRARY}" DIRECTORY)
