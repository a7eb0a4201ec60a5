# getstdout gives a handle; print/say with a handle write to it.
    getstdout P0
    print P0, "via handle "
    print P0, 42
    print P0, "\n"
    say P0, "said"
    end
