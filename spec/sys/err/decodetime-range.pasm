# decodetime fails as gmtime does for a time past any year.
    decodelocaltime P0, -9223372036854775807
    end
