/// NVIDIA's DCGM exporter: `DCGM_FI_DEV_*` per GPU (framebuffer values in MiB, utilization in percent),
/// `Hostname` (before dcgm-exporter PR #655) or `hostname`, `UUID` or `uuid` (`--use-old-namespace`), MIG
/// instances by `GPU_I_ID`. On vGPU guests some fields are simply absent. Blank readings can leak as DCGM's
/// blank codes (`9223372036854775794` in dcgm-exporter's README), which are read as absent.
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
        blankCodes: dcgmBlankCodes,
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

    /// dcgm_structs.h: `DCGM_INT32_BLANK`, `DCGM_INT64_BLANK` and `DCGM_FP64_BLANK`, each the first of 16 codes (blank,
    /// not found, not supported, not permitted, …). The int64 codes all read as 2^63 once parsed into a Double. Only
    /// these values are blanks: `+Inf` or `1e300` is a reading out of range, shown as invalid with a note.
    static let dcgmBlankCodes: [ClosedRange<Double>] = [
        2_147_483_632...2_147_483_647,
        Double(Int64(0x7fff_ffff_ffff_fff0))...Double(Int64.max),
        140_737_488_355_328...140_737_488_355_343,
    ]
}
