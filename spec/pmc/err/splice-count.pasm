# A negative count is an illegal argument.
    new P0, "ResizablePMCArray"
    new P1, "ResizablePMCArray"
    splice P0, P1, 0, -1
    end
