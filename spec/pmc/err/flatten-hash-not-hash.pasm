# flatten_hash_into takes its pairs from a Hash only.
    new P0, "Hash"
    new P1, "ResizablePMCArray"
    flatten_hash_into P0, P1, 0
    end
