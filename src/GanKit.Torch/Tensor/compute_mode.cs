namespace TorchSharp;

/// <summary>How cdist computes Euclidean distances (libtorch's compute_mode codes 0–2).</summary>
public enum compute_mode
{
    use_mm_for_euclid_dist_if_necessary = 0,
    use_mm_for_euclid_dist = 1,
    donot_use_mm_for_euclid_dist = 2,
}
