/// NVIDIA's DCGM exporter: `DCGM_FI_DEV_*` per GPU (framebuffer values in MiB, utilization in percent),
/// `Hostname` (before dcgm-exporter PR #655) or `hostname`, `UUID` or `uuid` (`--use-old-namespace`), MIG
/// instances by `GPU_I_ID`. On vGPU guests some fields are simply absent. Blank readings can leak as
/// sentinels near 2^63, which are read as absent.
extension GPUDialect {
    static let mebibyte = 1_048_576.0

    static let dcgm = GPUDialect(
        name: "dcgm",
        nodeLabels: ["Hostname", "hostname"],
        uuidLabels: ["UUID", "uuid"],
        indexLabels: ["gpu"],
        modelLabels: ["modelName"],
        migInstanceLabels: ["GPU_I_ID"],
        migProfileLabels: ["GPU_I_PROFILE"],
        // The pod using the GPU (dcgm-exporter's Kubernetes mode). Scraped through Prometheus, these clash with
        // the exporter's own target labels and arrive renamed `exported_pod`/`exported_namespace`: read first.
        podLabels: ["exported_pod", "pod", "pod_name"],
        namespaceLabels: ["exported_namespace", "namespace", "pod_namespace"],
        containerLabels: ["exported_container", "container", "container_name"],
        missingAbove: 9.2e18,
        sources: [
            GPUSource("DCGM_FI_DEV_FB_USED", .vramUsed, scale: mebibyte),
            GPUSource("DCGM_FI_DEV_FB_FREE", .vramFree, scale: mebibyte),
            GPUSource("DCGM_FI_DEV_FB_RESERVED", .vramReserved, scale: mebibyte),
            GPUSource("DCGM_FI_DEV_FB_TOTAL", .vramTotal, scale: mebibyte),
            GPUSource("DCGM_FI_DEV_GPU_UTIL", .utilization, scale: 0.01),
            GPUSource("DCGM_FI_PROF_GR_ENGINE_ACTIVE", .utilization),
            GPUSource("DCGM_FI_DEV_GPU_TEMP", .temperature),
            GPUSource("DCGM_FI_DEV_POWER_USAGE", .power),
            GPUSource("DCGM_FI_DEV_POWER_MGMT_LIMIT", .powerLimit),
            GPUSource("DCGM_FI_DEV_SM_CLOCK", .smClock),
            GPUSource("DCGM_FI_DEV_MEM_CLOCK", .memClock),
        ])
}
