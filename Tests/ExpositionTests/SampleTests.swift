import Testing

@testable import Exposition

@Suite struct SampleTests {
    @Test func aSampleWithoutExtrasStaysSmall() {
        // A page's samples are tens of thousands: the exemplar is kept out of line so a sample is 56 bytes.
        #expect(MemoryLayout<Sample>.size <= 56)
    }

    @Test func exemplarsCompareByValue() {
        let exemplar = Exemplar(labels: ["trace_id": "abc"], value: 0.25, timestamp: 1_700_000_000.5)
        var a = Sample(name: "lat_bucket", labels: ["le": "0.5"], value: 3, exemplar: exemplar)
        let b = Sample(name: "lat_bucket", labels: ["le": "0.5"], value: 3, exemplar: exemplar)
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(a.exemplar == exemplar)

        a.exemplar?.value = 0.5
        #expect(a != b)
        #expect(a.exemplar?.value == 0.5)
        #expect(b.exemplar?.value == 0.25)

        a.exemplar = nil
        #expect(a.exemplar == nil)
        #expect(a == Sample(name: "lat_bucket", labels: ["le": "0.5"], value: 3))
        a.exemplar = exemplar
        #expect(a == b)
    }
}
