import Foundation

/// The built-in lesson, run by `errorest run` without a run file.
///
/// Its text is `Samples/lesson.yaml`, compiled into the program: `RunFile/lesson.yaml` is a
/// symbolic link to it, embedded as a package resource, so the sample is the one copy.
enum BuiltInLesson {
    /// The run file's bytes.
    static var data: Data { Data(PackageResources.lesson_yaml) }

    /// The built-in lesson file's bytes (`Samples/lessons/backpropagation.yaml`, linked as
    /// `Lesson/backpropagation.yaml`), told by `errorest lesson` without a lesson file.
    static var backpropagation: Data { Data(PackageResources.backpropagation_yaml) }

    /// The run file's text.
    static var yaml: String { String(decoding: PackageResources.lesson_yaml, as: UTF8.self) }
}
