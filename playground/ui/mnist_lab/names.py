"""Names from core (models, datasets, Fashion-MNIST classes) in the UI's language, for both sides of the lab."""

from __future__ import annotations

from PySide6.QtCore import QObject


class MnistNames(QObject):
    def model_name(self, spec: dict) -> str:
        """'MLP 784-128-10 ReLU' composed here from core's parts, so the words can be translated."""
        from playground.core.mnist.models import summary

        parts = summary(spec)
        if parts["arch"] == "cnn":
            template = self.tr("CNN {layers} {activation}")
        else:
            template = self.tr("MLP {layers} {activation}")
        return template.format(layers=parts["layers"], activation=parts["activation"])

    def dataset_name(self, name: str) -> str:
        """A dataset's stored (English) name in the UI's language; unknown names as they are."""
        from playground.core.mnist.data import dataset_kind

        if dataset_kind(name) == "mnist_subset":
            return self.tr("MNIST (5k subset)")
        return str(name)  # "MNIST", "Fashion-MNIST": names, the same in every language

    def describe_dataset(self, dataset) -> str:
        return self.tr("{name}: {train} train / {test} test images").format(
            name=self.dataset_name(dataset.name), train=f"{dataset.num_train:,}", test=f"{dataset.num_test:,}")

    def class_titles(self, names: list[str]) -> list[str]:
        """Fashion-MNIST's class names (stored in English in datasets and model files), translated."""
        from playground.core.mnist.data import FASHION_CLASS_NAMES

        if list(names) != FASHION_CLASS_NAMES:
            return list(names)
        return [self.tr("T-shirt/top"), self.tr("Trouser"), self.tr("Pullover"), self.tr("Dress"), self.tr("Coat"),
                self.tr("Sandal"), self.tr("Shirt"), self.tr("Sneaker"), self.tr("Bag"), self.tr("Ankle boot")]


def percent(value) -> str:
    """An accuracy as "96.4%", or "–" when there is none (never measured, or not a number)."""
    return f"{value:.1%}" if isinstance(value, (int, float)) else "–"
