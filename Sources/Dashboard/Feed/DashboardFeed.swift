/// Where the dashboard gets its data, whatever the source (targets, simulator, replay). `latest()` must return
/// at once (a lock-protected value the collectors update off the drawing path), so a hanging target can never
/// freeze the screen.
package protocol DashboardFeed: Sendable {
    /// The newest frame; called on every loop turn, so it must not block.
    func latest() -> DashboardFrame
    /// A request from the user (pause, resume, chart window); sources that cannot act on it ignore it.
    func send(_ command: FeedCommand)
    /// Rung after each new frame, so the screen sleeps until there is one; nil (the default) makes the screen
    /// look at `latest()` on a timer instead.
    var wake: WakePipe? { get }
}

extension DashboardFeed {
    package var wake: WakePipe? { nil }
}

/// What the dashboard can ask of its feed.
package enum FeedCommand: Sendable, Equatable {
    /// The user paused the display: a replay stops advancing; live collection continues.
    case pause
    case resume
    /// The chart window changed, so a source that bounds its history can keep enough.
    case chartWindow(seconds: Int)
    /// A replay key: step, speed, jump (live sources ignore it).
    case replay(ReplayMove)
    /// A detail screen opened (true) or the last one closed: a query server is then asked for the values
    /// only those screens show.
    case detail(Bool)
}
