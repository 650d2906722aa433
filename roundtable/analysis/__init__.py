"""Pure computation on the model: keyword in context, vocabulary, hedge words, overview tables."""
