"""Minifig's core: cards, figure spec, fit check, building, training and data. Never imports Streamlit."""

import os

# Quiet TensorFlow's start-up chatter and make sure Keras runs on TensorFlow, before either is imported.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
