/// One kind of accelerator, with the figures from its public datasheet that the roofline and the DCGM page need.
///
/// GPUs are not fungible: the same model runs at a different speed, and with a different KV capacity, on each.
package struct GPUSpec: Sendable, Hashable {
    /// Short key used in options and target ids, e.g. `h100`.
    package let key: String
    /// The name DCGM reports as `modelName`, e.g. `NVIDIA H100 80GB HBM3`.
    package let modelName: String
    /// Framebuffer as DCGM counts it: FB_USED + FB_FREE + FB_RESERVED, in MiB.
    package let framebufferMiB: Double
    /// What the driver keeps for itself (DCGM `FB_RESERVED`), in MiB.
    package let reservedMiB: Double
    /// Peak memory bandwidth, bytes per second.
    package let memoryBandwidth: Double
    /// Dense bf16 tensor throughput, FLOP per second (without sparsity).
    package let bf16Flops: Double
    /// Power at idle and the board power limit, watts.
    package let idleWatts: Double
    package let maxWatts: Double
    /// Boost SM clock and memory clock, MHz (DCGM `SM_CLOCK`, `MEM_CLOCK`).
    package let smClockMHz: Double
    package let memClockMHz: Double

    /// Usable bytes (what CUDA can allocate), the base of `gpu_memory_utilization`.
    package var usableBytes: Double { (framebufferMiB - reservedMiB) * 1_048_576 }

    // Figures: NVIDIA datasheets (H100 SXM5, A100 SXM4 80GB, L40S, A10, L4); framebuffer and reserved MiB as
    // nvidia-smi/DCGM report them (the L4 and L40S values match Tests/Fixtures/metrics/dcgm-exporter-*.prom).
    package static let h100 = GPUSpec(
        key: "h100", modelName: "NVIDIA H100 80GB HBM3", framebufferMiB: 81559,
        reservedMiB: 578, memoryBandwidth: 3.35e12, bf16Flops: 989e12,
        idleWatts: 70, maxWatts: 700, smClockMHz: 1980, memClockMHz: 2619)
    package static let a100 = GPUSpec(
        key: "a100", modelName: "NVIDIA A100-SXM4-80GB", framebufferMiB: 81920,
        reservedMiB: 557, memoryBandwidth: 2.039e12, bf16Flops: 312e12,
        idleWatts: 55, maxWatts: 400, smClockMHz: 1410, memClockMHz: 1593)
    package static let l40s = GPUSpec(
        key: "l40s", modelName: "NVIDIA L40S", framebufferMiB: 46067,
        reservedMiB: 608, memoryBandwidth: 864e9, bf16Flops: 362e12,
        idleWatts: 32, maxWatts: 350, smClockMHz: 2520, memClockMHz: 9001)
    /// AWS's variant of the A10 (same memory system; the A10 datasheet's bf16 figure).
    package static let a10g = GPUSpec(
        key: "a10g", modelName: "NVIDIA A10G", framebufferMiB: 23028,
        reservedMiB: 426, memoryBandwidth: 600e9, bf16Flops: 125e12,
        idleWatts: 25, maxWatts: 300, smClockMHz: 1710, memClockMHz: 6251)
    package static let l4 = GPUSpec(
        key: "l4", modelName: "NVIDIA L4", framebufferMiB: 23033,
        reservedMiB: 470, memoryBandwidth: 300e9, bf16Flops: 121e12,
        idleWatts: 16, maxWatts: 72, smClockMHz: 2040, memClockMHz: 6251)

    /// Every GPU the simulator knows.
    package static let catalog: [GPUSpec] = [.h100, .a100, .l40s, .a10g, .l4]
}
