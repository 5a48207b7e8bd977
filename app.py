"""Minifig: build a real Keras model as a toy-brick figure and watch it learn."""

import streamlit as st

st.set_page_config(page_title="Minifig", page_icon="🧱", layout="wide")
st.title("Minifig")
