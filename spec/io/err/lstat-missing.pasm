# Any fact but EXISTS of a path that is not there fails with the OS's text.
    lstat I0, "spec/no such file", 1
    end
